package io.squeaky.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.squeaky.SharedData;
import io.squeaky.generate.GeneratorSettings;
import io.squeaky.generate.TwcsGenerator;
import io.squeaky.text.ResolutionSignal.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ResolutionSignal} matches its phrases only in sentences where one of its cues starts. That
 * is right only if every phrase holds a cue: here every real post of the shared extracts (English
 * TWCS, Spanish Citibanamex, read by Jackson's CSV reader) and every post of 5,000 generated
 * conversations, read by customer and by brand, reads as the plain definition reads it (every
 * sentence that is not a question matched in full, no cue consulted), and enough of them confirm
 * for the comparison to mean something.
 */
class ResolutionSignalSentencesTest {

    private static final Pattern CUSTOMER_CONFIRMS = anyOf(ResolutionPhrases.CUSTOMER_CONFIRMS);
    private static final Pattern BRAND_CONFIRMS = anyOf(ResolutionPhrases.BRAND_CONFIRMS);

    // The dispute and hedge expressions are the class's own: the shortcuts under test are in how
    // the confirmations are matched, which this test builds from the phrases as written.

    @Test
    void everyRealPostReadsAsEverySentenceMatchedInFullReadsIt() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file :
                List.of(
                        "twcs/twcs-head5000.csv",
                        "twcs/twcs-sample93.csv",
                        "citibanamex/citibanamex-tweets-2021-12.csv")) {
            texts.addAll(texts(Files.readAllBytes(SharedData.file(file))));
        }
        int real = texts.size();
        // The benchmark's kind of post, whose replies confirm far more often than real ones.
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        TwcsGenerator.generate(
                new GeneratorSettings(
                        Path.of("in-memory.csv"),
                        5_000,
                        0,
                        42,
                        GeneratorSettings.DEFAULT_START,
                        GeneratorSettings.DEFAULT_DAYS,
                        false),
                generated);
        texts.addAll(texts(generated.toByteArray()));
        ResolutionSignal signal = new ResolutionSignal();
        int customerConfirms = 0;
        int brandConfirms = 0;
        for (String text : texts) {
            Reading byCustomer = signal.read(text, true);
            Reading byBrand = signal.read(text, false);
            assertThat(byCustomer).as("by a customer: %s", text).isEqualTo(plain(text, true));
            assertThat(byBrand).as("by a brand: %s", text).isEqualTo(plain(text, false));
            customerConfirms += byCustomer == Reading.CONFIRMED_BY_CUSTOMER ? 1 : 0;
            brandConfirms += byBrand == Reading.CONFIRMED_BY_BRAND ? 1 : 0;
        }
        assertThat(real).isGreaterThan(8_000);
        assertThat(customerConfirms).isGreaterThan(100);
        assertThat(brandConfirms).isGreaterThan(50);
    }

    /** The {@code text} column of a CSV file with a header, as Jackson reads it. */
    private static List<String> texts(byte[] csv) throws IOException {
        List<String> texts = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows =
                new CsvMapper()
                        .readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv)) {
            while (rows.hasNext()) {
                String text = rows.next().get("text");
                if (text != null) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    /** The reading as the class documents it, with no shortcut. */
    private static Reading plain(String text, boolean byCustomer) {
        String normal = ResolutionSignal.normalise(text);
        if (byCustomer) {
            return !ResolutionSignal.CUSTOMER_DISPUTE.matcher(normal).find()
                            && anySentence(
                                    normal, CUSTOMER_CONFIRMS, ResolutionSignal.CUSTOMER_HEDGE)
                    ? Reading.CONFIRMED_BY_CUSTOMER
                    : Reading.NONE;
        }
        return anySentence(normal, BRAND_CONFIRMS, ResolutionSignal.BRAND_HEDGE)
                ? Reading.CONFIRMED_BY_BRAND
                : Reading.NONE;
    }

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

    /** Each phrase as its own branch, as written. */
    private static Pattern anyOf(List<String> phrases) {
        return Pattern.compile(
                String.join("|", phrases.stream().map(p -> "(?:" + p + ")").toList()));
    }
}
