package io.squeaky.text;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a brand moving a conversation to private messages ("please DM us", "envíanos un
 * mensaje privado"). The phrases are those support desks use in English, Spanish, Portuguese and
 * French; each entry of {@link #PHRASES} says what it catches, with an example, and
 * PrivateHandoffDetectorTest holds real brand replies that must and must not match. Matching is
 * case-insensitive and ignores accents in the Spanish, Portuguese and French forms. Moving a
 * customer to an off-platform channel (phone, web chat, a web form, e-mail) is not a hand-off to
 * private messages and is deliberately not matched.
 */
public final class PrivateHandoffDetector implements Serializable {

    static final List<String> PHRASES =
            List.of(
                    // English.
                    // "DM" as a word, in any role: "Please DM us", "DM the tracking number",
                    // "Feel free to dm", "We've sent you a DM", "Let's take this to DM", "DM'd",
                    // "DM-ing", "check your DMs", "follow/DM". Support desks only write it for
                    // direct messages. Not an agent's sign-off initials ("^DM", "- DM", "*DM"),
                    // and \b keeps out "admin", "DMV" and t.co links ("t.co/DMs4gx").
                    "(?<![\\^*~=@\\-]\\s?)\\bdm(s|'?d|ed|ing)?\\b",
                    // "DM" asking for something even where the entry above took it for a
                    // sign-off: "Hi there - DM us your order number".
                    "\\bdm\\s+(us|me|our|the|your|my|with|over|for|if|so)\\b",
                    // "PM" as a verb, "PM us/me", but not a time of day ("until 8 PM, me...").
                    "(?<![\\d:.]\\s?)\\bpm\\s+(us|me)\\b",
                    // "send us a DM", "drop me a private message", "send us a message".
                    "\\b(send|drop|shoot|give|sending|pop|fire)\\s+(us|me)\\s+(a|an|your)?\\s*"
                            + "(quick\\s+)?(dm|pm|direct\\s+message|private\\s+message|message)\\b",
                    // "via PM", "in a PM", "your PMs".
                    "\\b(via|by|over|in|through|a|an|into|our|your)\\s+pms?\\b",
                    // "message us", "Can you message me your confirmation code?" (not "message
                    // you", which is usually "the error message you see").
                    "\\bmessage\\s+(us|me)\\b",
                    // "direct message us", "through direct message", "direct messaging".
                    "\\bdirect\\s+messag(e|es|ed|ing)\\b",
                    // "send us a private message", "a private secured link", "the private link".
                    "\\bprivate\\s+(message|messages|messaging|chat|link|secured\\s+link)\\b",
                    "\\bsecure\\s+(message|chat)\\b",
                    // "chat securely with me", "talk privately".
                    "\\b(chat|talk|speak|connect)\\s+(securely|privately)\\b",
                    // "Just click 'Message' at the top of your profile".
                    "\\bclick\\s+(on\\s+)?(the\\s+)?['‘’\"“”]message['‘’\"“”]",
                    // Spanish: "envíanos un DM", "escríbenos por privado", "mándanos un MD".
                    "\\b(envianos|enviame|mandanos|mandame|escribenos|escribeme|contactanos)\\b.{0,40}"
                            + "\\b(dm|md|mensaje\\s+(privado|directo)|privado|inbox)",
                    // "por mensaje directo", "por MD", "por privado", "por inbox".
                    "\\bpor\\s+(dm|md|mensaje\\s+(privado|directo)|mensajes\\s+(privados|directos)"
                            + "|privado|interno|inbox)\\b",
                    // "un mensaje privado", "revisa tus mensajes directos".
                    "\\bmensajes?\\s+(privados?|directos?)\\b",
                    // Portuguese: "uma mensagem privada", "por direct", "chama no inbox".
                    "\\b(mensagem|mensagens)\\s+(privada|privadas|direta|diretas)\\b",
                    "\\b(por|via|pelo|no)\\s+(dm|inbox|direct)\\b",
                    // French: "un message privé", "en MP", "envoyez-nous un MP", "écrivez-nous en
                    // privé", "par messagerie privée".
                    "\\b(message|messages)\\s+(prive|prives|direct|directs)\\b",
                    "\\b(un|en|par)\\s+(mp|dm)\\b",
                    "\\ben\\s+prive\\b",
                    "\\bmessagerie\\s+privee\\b");

    private static final Pattern PATTERN =
            Pattern.compile(
                    String.join("|", PHRASES.stream().map(p -> "(?:" + p + ")").toList()),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public boolean asksForPrivateChannel(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String folded = AccentFolding.fold(text);
        return mightMatch(folded) && PATTERN.matcher(folded).find();
    }

    /**
     * Letters every phrase above contains. The regular expression was most of the time spent
     * reading a TWCS file; most posts contain none of these, and skip it. Letters are folded the
     * way the expression's Unicode case matching folds them (a dotless ı matches i).
     */
    private static final String[] CUES = {
        "dm", "pm", "md", "mp", "messag", "mensaj", "mensag", "priv", "secure", "inbox", "interno",
        "direct"
    };

    private static boolean mightMatch(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            lower.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
        }
        String folded = lower.toString();
        for (String cue : CUES) {
            if (folded.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
