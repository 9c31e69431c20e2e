package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.Post;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RtweetParserTest {

    @Test
    void aTrimmedExportWithoutReplyIdsMarksTheHandleABrandPostBeginsWith() throws Exception {
        String csv =
                "screen_name,created_at,status_id,text,user_id,verified,location\n"
                        + "Merliinna,2021-12-30T23:41:04Z,1476699890055004160,@Citibanamex que les"
                        + " pasa??,115456784,FALSE,\n"
                        + "Citibanamex,2021-12-30T23:45:00Z,1476699890055004999,\"@Merliinna"
                        + " Buenas noches, ¿nos envías DM?\",92367652,TRUE,México\n";

        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(csv),
                        "export.csv",
                        InputFormat.RTWEET,
                        BrandRegistry.bundled());

        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.posts())
                .extracting(
                        Post::getAuthorHandle,
                        Post::getAuthorIsBrand,
                        Post::getAddressedBrand,
                        Post::getAddressedHandle,
                        Post::getParentPostId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Merliinna", false, "Citibanamex", null, null),
                        org.assertj.core.groups.Tuple.tuple(
                                "Citibanamex", true, null, "merliinna", null));
        assertThat(parsed.posts().get(0).getCreatedAt())
                .isEqualTo(java.time.Instant.parse("2021-12-30T23:41:04Z").toEpochMilli());
        assertThat(parsed.posts().get(1).getPrivateHandoff()).as("\"nos envías DM\"").isTrue();
    }

    @Test
    void aFullExportUsesItsReplyIdsColumnsByNameAndRsMissingValues() throws Exception {
        String csv =
                "user_id,status_id,created_at,screen_name,text,reply_to_status_id,is_retweet,"
                        + "followers_count,lang\n"
                        + "1,10,2021-12-30 23:41:04,ana,@Citibanamex hola,NA,FALSE,250,es\n"
                        + "2,11,2021-12-30 23:50:00,Citibanamex,@ana hola Ana,10,FALSE,NA,es\n"
                        + "3,12,yesterday,ana,@Citibanamex otra vez,NA,FALSE,250,es\n";

        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(csv),
                        "full.csv",
                        InputFormat.RTWEET,
                        BrandRegistry.bundled());

        assertThat(parsed.posts())
                .extracting(
                        p ->
                                p.getPostId()
                                        + ":"
                                        + p.getParentPostId()
                                        + ":"
                                        + p.getAddressedHandle()
                                        + ":"
                                        + p.getAuthorFollowers()
                                        + ":"
                                        + p.getLanguage())
                .containsExactly("10:null:null:250:es", "11:10:null:null:es");
        assertThat(parsed.posts().get(0).getCreatedAt())
                .as("R's timestamps are UTC")
                .isEqualTo(java.time.Instant.parse("2021-12-30T23:41:04Z").toEpochMilli());
        assertThat(parsed.rejects())
                .singleElement()
                .satisfies(r -> assertThat(r.getPosition()).isEqualTo(4L));
    }

    @Test
    void aHeaderThatRepeatsAColumnRejectsARowAsShortAsItsNames() throws Exception {
        // Five distinct names in six header fields: a five-field row must not read field six.
        String csv =
                "status_id,created_at,screen_name,user_id,text,status_id\n"
                        + "10,2021-12-30 23:41:04,ana,1,@Citibanamex hola\n";

        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(csv),
                        "repeated.csv",
                        InputFormat.RTWEET,
                        BrandRegistry.bundled());

        assertThat(parsed.posts()).isEmpty();
        assertThat(parsed.rejects())
                .singleElement()
                .satisfies(r -> assertThat(r.getReason()).contains("expected 6 fields, found 5"));
    }
}
