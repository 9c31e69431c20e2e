package io.squeaky.text;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a brand moving a conversation to private messages ("please DM us", "envíanos un
 * mensaje privado"). The phrases are those support desks use in English, Spanish, Portuguese and
 * French; docs/text-signals.md lists them with examples. Matching is case-insensitive and ignores
 * accents in the Spanish and Portuguese forms.
 */
public final class PrivateHandoffDetector implements Serializable {

    static final List<String> PHRASES =
            List.of(
                    // English: "DM" as a verb or noun, direct and private messages.
                    "\\bdm\\s+(us|me|our|the\\s+team|your|with|over|the\\s+details)\\b",
                    "\\b(send|drop|shoot|give|sending|pop|fire)\\s+(us|me)\\s+(a|an|your)?\\s*"
                            + "(quick\\s+)?(dm|pm|direct\\s+message|private\\s+message)",
                    "\\b(via|by|over|in|through|a|an|into|our|your)\\s+(dms?|pms?)\\b",
                    "\\bdirect\\s+messag(e|es|ing)\\b",
                    "\\bprivate\\s+(message|messages|messaging|chat|secured\\s+link)\\b",
                    "\\bsecure\\s+(message|chat)\\b",
                    "\\bslide\\s+into\\s+our\\s+dms\\b",
                    "\\bfollow\\s+(us\\s+)?(and|&|then)\\s+dm\\b",
                    // Spanish.
                    "\\b(envianos|enviame|mandanos|mandame|escribenos|escribeme|contactanos)\\b.{0,40}"
                            + "\\b(dm|md|mensaje\\s+(privado|directo)|privado|inbox)",
                    "\\bpor\\s+(dm|md|mensaje\\s+(privado|directo)|mensajes\\s+(privados|directos)"
                            + "|privado|interno|inbox)\\b",
                    "\\bmensajes?\\s+(privados?|directos?)\\b",
                    // Portuguese.
                    "\\b(mensagem|mensagens)\\s+(privada|privadas|direta|diretas)\\b",
                    "\\b(por|via)\\s+(dm|inbox|direct)\\b",
                    // French.
                    "\\b(message|messages)\\s+(prive|prives|direct|directs)\\b",
                    "\\b(en|par)\\s+(mp|dm)\\b");

    private static final Pattern PATTERN =
            Pattern.compile(
                    String.join("|", PHRASES.stream().map(p -> "(?:" + p + ")").toList()),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public boolean asksForPrivateChannel(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return PATTERN.matcher(foldAccents(text)).find();
    }

    private static String foldAccents(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != c) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, folded);
            }
        }
        return out == null ? text : out.toString();
    }

    private static char fold(char c) {
        return switch (c) {
            case 'á', 'à', 'â', 'ã', 'ä' -> 'a';
            case 'Á', 'À', 'Â', 'Ã', 'Ä' -> 'A';
            case 'é', 'è', 'ê', 'ë' -> 'e';
            case 'É', 'È', 'Ê', 'Ë' -> 'E';
            case 'í', 'ì', 'î', 'ï' -> 'i';
            case 'Í', 'Ì', 'Î', 'Ï' -> 'I';
            case 'ó', 'ò', 'ô', 'õ', 'ö' -> 'o';
            case 'Ó', 'Ò', 'Ô', 'Õ', 'Ö' -> 'O';
            case 'ú', 'ù', 'û', 'ü' -> 'u';
            case 'Ú', 'Ù', 'Û', 'Ü' -> 'U';
            default -> c;
        };
    }
}
