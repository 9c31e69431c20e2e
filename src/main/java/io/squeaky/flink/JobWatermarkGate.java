package io.squeaky.flink;

import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Admission at the job's event time, with no idleness behind it.
 *
 * <p>Placed behind an exchange from every source subtask, the gate's watermark is the least of all
 * the active subtasks' watermarks: a post of a partition that was silent past {@code --idleness}
 * and comes back behind the others is behind it, so the gate counts it late instead of admitting it
 * into cases that already closed downstream.
 *
 * <p>The gate never passes an idle status on. Flink lets the records of a channel that comes back
 * from idle arrive behind the watermark its neighbours carried: every operator fed by two paths
 * from here (the reply linker, the brand storm) would meet them there, with timers set in the past
 * and buffers already flushed. Downstream of the gate every channel stays active, so records and
 * watermarks arrive in the order the gate emitted them; while every source is idle nothing arrives,
 * and event time simply waits.
 */
public final class JobWatermarkGate extends ProcessOperator<SourceRecord, Post> {

    public JobWatermarkGate(AdmitPosts admission) {
        super(admission);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}
}
