package io.squeaky.replay;

/** One message to replay: its event time, the topic it goes to, its key and its JSON value. */
record ReplayMessage(long eventTime, String topic, String key, String value) {}
