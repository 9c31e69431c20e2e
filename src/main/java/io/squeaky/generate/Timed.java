package io.squeaky.generate;

/** Something written to one of the input files at an event time (epoch seconds). */
sealed interface Timed permits DeskEvent, GeneratedTweet {
    long time();
}
