package io.squeaky.text;

import java.io.Serializable;
import java.util.ArrayList;
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
    static final Pattern CUSTOMER_DISPUTE = Pattern.compile(ResolutionPhrases.CUSTOMER_DISPUTE);
    static final Pattern CUSTOMER_HEDGE = Pattern.compile(ResolutionPhrases.CUSTOMER_HEDGE);
    private static final Pattern BRAND_CONFIRMS = anyOf(ResolutionPhrases.BRAND_CONFIRMS);
    static final Pattern BRAND_HEDGE = Pattern.compile(ResolutionPhrases.BRAND_HEDGE);

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
        boolean[] cues = cueStarts(normal, byCustomer ? CUSTOMER_CUES : BRAND_CUES);
        if (cues == null) {
            return Reading.NONE;
        }
        if (byCustomer) {
            return !CUSTOMER_DISPUTE.matcher(normal).find()
                            && anySentence(normal, cues, CUSTOMER_CONFIRMS, CUSTOMER_HEDGE)
                    ? Reading.CONFIRMED_BY_CUSTOMER
                    : Reading.NONE;
        }
        return anySentence(normal, cues, BRAND_CONFIRMS, BRAND_HEDGE)
                ? Reading.CONFIRMED_BY_BRAND
                : Reading.NONE;
    }

    /**
     * Whether a sentence that is not a question reports the resolution without hedging it first. A
     * sentence ends at . ! ? ; or a line break; only its own terminator makes it a question. Only a
     * hedge before the report counts ("if you DM us we can issue a refund", "we haven't issued"):
     * words after it qualify something else ("it's on its way and should arrive Thursday"). Every
     * phrase holds a cue, so a sentence in which none starts ({@code cues}) is not matched at all:
     * most sentences of a post that holds a cue have none, and the phrases' expressions were most
     * of what reading a file of posts cost.
     */
    private static boolean anySentence(
            String text, boolean[] cues, Pattern confirms, Pattern hedge) {
        Matcher report = null;
        Matcher hedged = null;
        boolean cued = false;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (isTerminator(c)) {
                if (c != '?' && i > start && cued) {
                    if (report == null) {
                        report = confirms.matcher(text);
                        hedged = hedge.matcher(text);
                    }
                    if (report.region(start, i).find()
                            && !hedged.region(start, report.end()).find()) {
                        return true;
                    }
                }
                start = i + 1;
                cued = false;
            } else {
                cued |= cues[i];
            }
        }
        return false;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    /**
     * Where a cue starts in {@code text}, or null when none does. A cue holds no sentence
     * terminator, so one that starts in a sentence ends in it.
     */
    private static boolean[] cueStarts(String text, String[] cues) {
        boolean[] starts = null;
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                if (starts == null) {
                    starts = new boolean[text.length()];
                }
                starts[at] = true;
            }
        }
        return starts;
    }

    /**
     * Lower case, accents folded, curly apostrophes straight: the form the phrases are written in.
     */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(AccentFolding.fold(text.charAt(i)));
            out.append(c == '’' || c == '‘' ? '\'' : c);
        }
        return out.toString();
    }

    /**
     * The phrases as one alternation, in their order. A run of phrases that each begin at a word
     * boundary shares one {@code \\b}: the engine tries every branch at every position, and
     * checking the same boundary once per branch was most of its work. Phrases with an alternation
     * of their own at the top level keep their boundary, which binds only their first branch.
     */
    private static Pattern anyOf(List<String> phrases) {
        List<String> branches = new ArrayList<>();
        List<String> bounded = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase.startsWith("\\b") && !alternatesAtTopLevel(phrase)) {
                bounded.add("(?:" + phrase.substring(2) + ")");
                continue;
            }
            shareBoundary(bounded, branches);
            branches.add("(?:" + phrase + ")");
        }
        shareBoundary(bounded, branches);
        return Pattern.compile(String.join("|", branches));
    }

    private static void shareBoundary(List<String> bounded, List<String> branches) {
        if (!bounded.isEmpty()) {
            branches.add("\\b(?:" + String.join("|", bounded) + ")");
            bounded.clear();
        }
    }

    /** Whether {@code regex} has a {@code |} outside every group and character class. */
    private static boolean alternatesAtTopLevel(String regex) {
        int groups = 0;
        int classes = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                classes++;
            } else if (c == ']' && classes > 0) {
                classes--;
            } else if (classes == 0 && c == '(') {
                groups++;
            } else if (classes == 0 && c == ')') {
                groups--;
            } else if (classes == 0 && groups == 0 && c == '|') {
                return true;
            }
        }
        return false;
    }
}
