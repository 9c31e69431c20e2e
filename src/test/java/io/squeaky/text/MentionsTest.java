package io.squeaky.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    private static final Set<String> BRANDS =
            Set.of("applesupport", "sprintcare", "o2", "askpaypal");
    private static final Predicate<String> IS_BRAND =
            handle -> BRANDS.contains(handle.toLowerCase(Locale.ROOT));

    @Test
    void findsTheFirstMentionThePredicateAccepts() {
        assertThat(Mentions.firstMatching("@115712 @sprintcare and @AppleSupport help", IS_BRAND))
                .isEqualTo("sprintcare");
    }

    @Test
    void returnsTheHandleAsWrittenWithoutTheAt() {
        assertThat(Mentions.firstMatching("hey @SprintCare!", IS_BRAND)).isEqualTo("SprintCare");
    }

    @Test
    void asksThePredicateAboutEveryMentionInOrderUntilOneIsAccepted() {
        List<String> asked = new ArrayList<>();

        String found =
                Mentions.firstMatching(
                        "@115712 thanks @Ann_B, cc @O2 @AskPayPal",
                        handle -> {
                            asked.add(handle);
                            return IS_BRAND.test(handle);
                        });

        assertThat(found).isEqualTo("O2");
        assertThat(asked).containsExactly("115712", "Ann_B", "O2");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "write to help@AppleSupport.com                      | none",
                "me@sprintcare                                       | none",
                "mail a@b or @sprintcare                             | sprintcare",
                "(@AppleSupport)                                     | AppleSupport",
                "@AppleSupport's answer                              | AppleSupport",
                "thanks @AppleSupport.                               | AppleSupport",
                "@AppleSupport: it broke                             | AppleSupport",
                "RT @sprintcare: we are here                         | sprintcare",
                "@AppleSupportUK is another account                  | none",
                "@AppleSupport_ is another account                   | none",
                "@_AppleSupport is another account                   | none",
                "@ AppleSupport                                      | none",
                "@                                                   | none",
                "AppleSupport without an at                          | none",
                "ends with @                                         | none",
                "x_@AppleSupport                                     | none",
                "2@AppleSupport                                      | none",
            })
    void treatsOnlyAnAtAfterANonHandleCharacterAsAMention(String text, String expected) {
        assertThat(Mentions.firstMatching(text, IS_BRAND)).isEqualTo(expected);
    }

    @Test
    void findsNothingInNoText() {
        assertThat(Mentions.firstMatching(null, IS_BRAND)).isNull();
        assertThat(Mentions.firstMatching("", IS_BRAND)).isNull();
        assertThat(Mentions.firstMatching("@AppleSupport", handle -> false)).isNull();
    }

    @Test
    void findsAMentionBetweenEmoji() {
        assertThat(Mentions.firstMatching("\uD83D\uDE21@sprintcare\uD83D\uDE21", IS_BRAND))
                .isEqualTo("sprintcare");
    }
}
