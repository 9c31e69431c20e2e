package io.squeaky.ingest;

import java.io.Serializable;
import java.time.ZoneId;

/** An organisation with support accounts and the time zone its desk works in. */
public record Brand(String name, ZoneId timeZone) implements Serializable {}
