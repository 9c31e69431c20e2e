package io.squeaky.text;

/**
 * Folds the accented letters of Spanish, Portuguese and French to their plain forms, so that one
 * phrase list matches both "envíanos" and the "envianos" customers and agents often type.
 */
final class AccentFolding {

    private AccentFolding() {}

    static String fold(String text) {
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

    static char fold(char c) {
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
            case 'ç' -> 'c';
            case 'Ç' -> 'C';
            default -> c;
        };
    }
}
