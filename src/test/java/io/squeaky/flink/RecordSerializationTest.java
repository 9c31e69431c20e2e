package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.ingest.PostFactory;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkRole;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

class RecordSerializationTest {

    @Test
    void everyPipelineRecordIsSerialisedAsAvroNeverByKryo() {
        for (Class<?> type :
                List.of(
                        SourceRecord.class,
                        Post.class,
                        LinkMessage.class,
                        LinkedPost.class,
                        CustomerTimeline.class,
                        CaseDraft.class,
                        CaseRecord.class,
                        ExchangeRecord.class,
                        Reject.class,
                        io.squeaky.records.CaseEvent.class,
                        io.squeaky.records.TimelineItem.class,
                        io.squeaky.records.LateRecord.class,
                        io.squeaky.records.BrandActivity.class)) {
            assertThat(TypeInformation.of(type))
                    .as(type.getSimpleName())
                    .isInstanceOf(AvroTypeInfo.class);
        }
    }

    @Test
    void copiesAndSerialisesNestedRecords() throws Exception {
        Post post =
                PostFactory.newPost("twcs")
                        .setPostId("1")
                        .setAuthorId("a")
                        .setCreatedAt(5L)
                        .build();
        LinkMessage message = new LinkMessage(LinkRole.SELF, post);
        TypeSerializer<LinkMessage> serializer =
                new AvroTypeInfo<>(LinkMessage.class).createSerializer(new SerializerConfigImpl());
        assertThat(serializer.copy(message)).isEqualTo(message);
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(message, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isEqualTo(message);
    }
}
