package io.squeaky.text;

import java.util.function.Predicate;

/** Finds @handles in post text without regular expressions: this runs once per post read. */
public final class Mentions {

    private Mentions() {}

    /** The first @handle in the text that the predicate accepts, without the @; or null. */
    public static String firstMatching(String text, Predicate<String> accept) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '@' || (i > 0 && isHandleChar(text.charAt(i - 1)))) {
                continue;
            }
            int end = i + 1;
            while (end < n && isHandleChar(text.charAt(end))) {
                end++;
            }
            if (end > i + 1) {
                String handle = text.substring(i + 1, end);
                if (accept.test(handle)) {
                    return handle;
                }
            }
            i = end - 1;
        }
        return null;
    }

    /** The @handle the text begins with, without the @; or null. */
    public static String leading(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '@') {
            return null;
        }
        int end = 1;
        while (end < text.length() && isHandleChar(text.charAt(end))) {
            end++;
        }
        return end > 1 ? text.substring(1, end) : null;
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_';
    }
}
