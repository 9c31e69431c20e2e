package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import io.squeaky.records.TicketStatus;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceDeskParserTest {

    @Test
    void readsTicketEventsFromCsvWithColumnsInAnyOrder() throws Exception {
        String csv =
                "ticket_id,brand,customer_id,social_handle,channel,event_type,status,occurred_at,post_ids\n"
                        + "T1,Amazon,C9,@Cust9,phone,OPENED,,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,Cust9,twitter,AGENT_REPLY,,2017-10-02T10:00:00+01:00,\"11;12\"\n"
                        + "T1,Amazon,C9,,email,STATUS_CHANGE,on-hold,2017-10-02T11:00:00Z,\n";
        List<CaseEvent> events = read(csv, InputFormat.SERVICE_DESK_CSV).events();

        assertThat(events).hasSize(3);
        CaseEvent opened = events.get(0);
        assertThat(opened.getTicketId()).isEqualTo("T1");
        assertThat(opened.getSocialHandle()).isEqualTo("Cust9");
        assertThat(opened.getChannel()).isEqualTo(Channel.PHONE);
        assertThat(opened.getEventType()).isEqualTo(CaseEventType.OPENED);
        assertThat(opened.getStatus()).isNull();
        assertThat(opened.getOccurredAt())
                .isEqualTo(Instant.parse("2017-10-02T09:00:00Z").toEpochMilli());
        assertThat(events.get(1).getOccurredAt())
                .isEqualTo(Instant.parse("2017-10-02T09:00:00Z").toEpochMilli());
        assertThat(events.get(1).getPostIds()).containsExactly("11", "12");
        assertThat(events.get(2).getStatus()).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(events.get(2).getSocialHandle()).isNull();

        String reordered =
                "occurred_at,event_type,ticket_id,brand,customer_id,channel\n"
                        + "2017-10-02T09:00:00Z,RESOLVED,T2,Tesco,C1,store\n";
        assertThat(read(reordered, InputFormat.SERVICE_DESK_CSV).events())
                .singleElement()
                .satisfies(e -> assertThat(e.getEventType()).isEqualTo(CaseEventType.RESOLVED));
    }

    @Test
    void rejectsBrokenRowsWithTheirLineAndReason() throws Exception {
        String csv =
                "ticket_id,brand,customer_id,social_handle,channel,event_type,status,occurred_at,post_ids\n"
                        + ",Amazon,C9,,phone,OPENED,,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,,fax,OPENED,,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,,phone,ESCALATED,,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,,phone,STATUS_CHANGE,,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,,phone,STATUS_CHANGE,waiting,2017-10-02T09:00:00Z,\n"
                        + "T1,Amazon,C9,,phone,OPENED,,yesterday,\n"
                        + "T1,Amazon,C9,,phone,OPENED\n";
        Map<Long, String> reasons =
                read(csv, InputFormat.SERVICE_DESK_CSV).rejects().stream()
                        .collect(Collectors.toMap(Reject::getPosition, Reject::getReason));

        assertThat(reasons)
                .containsOnlyKeys(2L, 3L, 4L, 5L, 6L, 7L, 8L)
                .hasEntrySatisfying(2L, r -> assertThat(r).contains("ticket_id"))
                .hasEntrySatisfying(3L, r -> assertThat(r).contains("channel"))
                .hasEntrySatisfying(4L, r -> assertThat(r).contains("event_type"))
                .hasEntrySatisfying(5L, r -> assertThat(r).contains("without a status"))
                .hasEntrySatisfying(6L, r -> assertThat(r).contains("status"))
                .hasEntrySatisfying(7L, r -> assertThat(r).contains("occurred_at"))
                .hasEntrySatisfying(8L, r -> assertThat(r).contains("fields"));
    }

    @Test
    void aCsvWithoutHeaderIsRejectedLineByLine() throws Exception {
        ParsedEvents parsed =
                read(
                        "T1,Amazon,C9,,phone,OPENED,,2017-10-02T09:00:00Z,\n",
                        InputFormat.SERVICE_DESK_CSV);

        assertThat(parsed.rejects())
                .singleElement()
                .satisfies(r -> assertThat(r.getReason()).contains("no header"));
    }

    @Test
    void readsJsonLinesAndRejectsWhatIsNotAnEvent() throws Exception {
        String jsonl =
                "{\"ticket_id\":\"T1\",\"brand\":\"Amazon\",\"customer_id\":\"C9\",\"channel\":\"chat\","
                        + "\"event_type\":\"OPENED\",\"occurred_at\":\"2017-10-02T09:00:00Z\",\"post_ids\":[\"5\"]}\n"
                        + "{not json\n"
                        + "[1,2]\n"
                        + "{\"ticket_id\":\"T1\",\"brand\":\"Amazon\",\"customer_id\":\"C9\",\"channel\":\"chat\","
                        + "\"event_type\":\"CLOSED\"}\n";
        ParsedEvents parsed = read(jsonl, InputFormat.SERVICE_DESK_JSONL);

        assertThat(parsed.events())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getChannel()).isEqualTo(Channel.CHAT);
                            assertThat(e.getPostIds()).containsExactly("5");
                        });
        assertThat(parsed.rejects())
                .extracting(Reject::getPosition, r -> r.getReason().split(":")[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "malformed JSON"),
                        org.assertj.core.groups.Tuple.tuple(3L, "not a JSON object"),
                        org.assertj.core.groups.Tuple.tuple(4L, "occurred_at is empty"));
    }

    private record ParsedEvents(List<CaseEvent> events, List<Reject> rejects) {}

    private static ParsedEvents read(String text, InputFormat format) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        RecordSplitter splitter = format.splitter(new StringReader(text));
        RecordParser parser =
                format.parser(new PostFactory(BrandRegistry.bundled(), ParsedFile.FIXED));
        String record;
        while ((record = splitter.next()) != null) {
            parser.parse(new RawRecord("desk.csv", splitter.recordLine(), record), records::add);
        }
        List<CaseEvent> events = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (SourceRecord r : records) {
            if (r.getCaseEvent() != null) {
                events.add(r.getCaseEvent());
            } else {
                rejects.add(r.getReject());
            }
        }
        return new ParsedEvents(events, rejects);
    }
}
