package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteOrderMarkTest {

    @Test
    void aJsonLinesFileSavedWithAByteOrderMarkParsesFromItsFirstLine() throws Exception {
        String line =
                "{\"data\":{\"id\":\"1\",\"author_id\":\"7\",\"created_at\":"
                        + "\"2022-11-08T09:00:00.000Z\",\"text\":\"@AmazonHelp hello\"}}\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        ParsedFile parsed =
                ParsedFile.read(
                        new InputStreamReader(
                                ByteOrderMark.skip(new ByteArrayInputStream(file)),
                                StandardCharsets.UTF_8),
                        "bom.jsonl",
                        InputFormat.TWITTER_V2,
                        BrandRegistry.bundled());

        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.posts())
                .singleElement()
                .satisfies(p -> assertThat(p.getPostId()).isEqualTo("1"));
    }

    @Test
    void aStreamWithoutAMarkIsReadWhole() throws Exception {
        byte[] file = "ab".getBytes(StandardCharsets.UTF_8);

        assertThat(ByteOrderMark.skip(new ByteArrayInputStream(file)).readAllBytes())
                .isEqualTo(file);
        assertThat(ByteOrderMark.strip("\ufeff{}")).isEqualTo("{}");
        assertThat(ByteOrderMark.strip("")).isEmpty();
    }
}
