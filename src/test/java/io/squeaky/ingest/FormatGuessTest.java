package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatGuessTest {

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        }
    }

    @Test
    void namesTheFormatOfEachRealFile() throws IOException {
        assertThat(FormatGuess.of(head(SharedData.file("twcs/twcs-head5000.csv"))))
                .contains(InputFormat.TWCS);
        assertThat(FormatGuess.of(head(SharedData.file("twitter-api-v2/twarc-csv_brexit.jsonl"))))
                .contains(InputFormat.TWITTER_V2);
        assertThat(
                        FormatGuess.of(
                                head(
                                        SharedData.file(
                                                "twitter-api-v1/tweet_parser_public_api_sample.json"))))
                .contains(InputFormat.TWITTER_V1);
    }

    @Test
    void namesServiceDeskExportsAndSkipsAByteOrderMark() {
        assertThat(
                        FormatGuess.of(
                                "\ufeffticket_id,brand,customer_id,event_type,channel,occurred_at\n"))
                .contains(InputFormat.SERVICE_DESK_CSV);
        assertThat(FormatGuess.of("\n{\"ticket_id\": \"T1\", \"event_type\": \"OPENED\"}\n"))
                .contains(InputFormat.SERVICE_DESK_JSONL);
    }

    @Test
    void guessesNothingForOtherFiles() throws IOException {
        assertThat(FormatGuess.of(head(SharedData.file("cfpb/cfpb-complaints-sample.csv"))))
                .isEmpty();
        assertThat(FormatGuess.of("")).isEmpty();
        assertThat(FormatGuess.of("hello world\n")).isEmpty();
    }
}
