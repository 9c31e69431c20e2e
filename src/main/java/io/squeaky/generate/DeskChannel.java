package io.squeaky.generate;

import java.util.SplittableRandom;

/** The channels a case can open on, with the share of cases that first come in on each. */
enum DeskChannel {
    PHONE("phone", 0.35),
    EMAIL("email", 0.30),
    WEB("web", 0.15),
    STORE("store", 0.07),
    CHAT("chat", 0.05),
    TWITTER("twitter", 0.08);

    private final String exportName;
    private final double firstContactShare;

    DeskChannel(String exportName, double firstContactShare) {
        this.exportName = exportName;
        this.firstContactShare = firstContactShare;
    }

    String exportName() {
        return exportName;
    }

    double firstContactShare() {
        return firstContactShare;
    }

    boolean traditional() {
        return this != TWITTER;
    }

    static DeskChannel drawFirstContact(SplittableRandom random) {
        double pick = random.nextDouble();
        for (DeskChannel channel : values()) {
            pick -= channel.firstContactShare;
            if (pick < 0) {
                return channel;
            }
        }
        return TWITTER;
    }
}
