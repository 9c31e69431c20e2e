package io.squeaky.text;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whether a post confirms that a customer's problem is resolved: the customer in their own
 * words ("that worked, thanks!", "ya funciona, gracias", "c'est réglé", "resolvido, obrigado"), or
 * the brand reporting an action it has completed ("we've issued a refund", "your replacement is on
 * its way", "hemos realizado el reembolso"). Politeness is not a confirmation: "thanks" alone,
 * "thanks, but it still doesn't work", a question, "let us know if that worked", and a brand's
 * offer ("we can issue a refund if you DM us") all read {@link Reading#NONE}.
 *
 * <p>English, Spanish, Portuguese and French; matching ignores case and accents. The phrases live
 * in {@link ResolutionPhrases}. A post is read sentence by sentence, so that the brand's "we've
 * refunded the charge. Anything else?" still counts while "have we refunded it?" does not; one word
 * of dispute anywhere in a customer's post ("but", "still", "pero", "ainda", "toujours") makes the
 * whole post {@link Reading#NONE}, because customers thank first and complain after.
 * ResolutionSignalQualityTest measures precision and recall on hand-labelled real conversations.
 */
public final class ResolutionSignal implements Serializable {

    public enum Reading {
        CONFIRMED_BY_CUSTOMER,
        CONFIRMED_BY_BRAND,
        NONE
    }

    private static final Pattern CUSTOMER_CONFIRMS = anyOf(ResolutionPhrases.CUSTOMER_CONFIRMS);
    private static final Pattern CUSTOMER_DISPUTE =
            Pattern.compile(ResolutionPhrases.CUSTOMER_DISPUTE);
    private static final Pattern CUSTOMER_HEDGE = Pattern.compile(ResolutionPhrases.CUSTOMER_HEDGE);
    private static final Pattern BRAND_CONFIRMS = anyOf(ResolutionPhrases.BRAND_CONFIRMS);
    private static final Pattern BRAND_HEDGE = Pattern.compile(ResolutionPhrases.BRAND_HEDGE);

    /**
     * Fragments every customer phrase contains. Most posts contain none and skip the regular
     * expressions, which keeps the signal as cheap per post as the hand-off detector.
     */
    private static final String[] CUSTOMER_CUES =
            ("work sort fix resol solv solu resuel handled running good back"
                            + " refund replacement credit money package parcel order deliver"
                            + " item reimburs funcion qued jala sirve lleg reflej arregl recib"
                            + " pude puedo deja dejo permit aclar listo certo regl bon marche"
                            + " fonction")
                    .split(" ");

    /** Fragments every brand phrase contains. */
    private static final String[] BRAND_CUES =
            ("issued proces refund credit appl revers replace reinstat"
                            + " restor fix resol resuel reset unlock reactiv reimburs compens"
                            + " been way ship dispatch sort realiz aplic emit efectu efetu"
                            + " bonific abon reembols soluc reposic devoluc aclarac estorn"
                            + " effectu proced rembours emis rempla avoir")
                    .split(" ");

    public ResolutionSignal() {}

    public Reading read(String text, boolean byCustomer) {
        if (text == null || text.isEmpty()) {
            return Reading.NONE;
        }
        String normal = normalise(text);
        if (byCustomer) {
            return mightMatch(normal, CUSTOMER_CUES)
                            && !CUSTOMER_DISPUTE.matcher(normal).find()
                            && anySentence(normal, CUSTOMER_CONFIRMS, CUSTOMER_HEDGE)
                    ? Reading.CONFIRMED_BY_CUSTOMER
                    : Reading.NONE;
        }
        return mightMatch(normal, BRAND_CUES) && anySentence(normal, BRAND_CONFIRMS, BRAND_HEDGE)
                ? Reading.CONFIRMED_BY_BRAND
                : Reading.NONE;
    }

    /**
     * Whether a sentence that is not a question reports the resolution without hedging it first. A
     * sentence ends at . ! ? ; or a line break; only its own terminator makes it a question. Only a
     * hedge before the report counts ("if you DM us we can issue a refund", "we haven't issued"):
     * words after it qualify something else ("it's on its way and should arrive Thursday").
     */
    private static boolean anySentence(String text, Pattern confirms, Pattern hedge) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
                if (c != '?' && i > start) {
                    Matcher report = confirms.matcher(text).region(start, i);
                    if (report.find() && !hedge.matcher(text).region(start, report.end()).find()) {
                        return true;
                    }
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean mightMatch(String text, String[] cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case, accents folded, curly apostrophes straight: the form the phrases are written in.
     */
    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(AccentFolding.fold(text.charAt(i)));
            out.append(c == '’' || c == '‘' ? '\'' : c);
        }
        return out.toString();
    }

    private static Pattern anyOf(List<String> phrases) {
        return Pattern.compile(
                String.join("|", phrases.stream().map(p -> "(?:" + p + ")").toList()));
    }
}
