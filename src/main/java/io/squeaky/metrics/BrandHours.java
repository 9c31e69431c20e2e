package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.CaseFacts;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * The brand_hours rows of one brand and period: for each local hour of the week, the hours cases
 * spent waiting for a first reply, the first replies given, their ratio (the first-reply intensity,
 * replies per waiting case-hour) and the share of that hour the desk's weekly schedule declares
 * open. Where intensity stays high in hours declared closed, someone is answering; where it drops
 * in hours declared open, nobody is. Slots where no case waited and no reply came are left out.
 */
final class BrandHours {

    private BrandHours() {}

    static List<BrandHourRow> rows(
            PeriodCases cases, StatisticsSettings settings, BusinessSchedule desk) {
        HourOfWeekExposure exposure = new HourOfWeekExposure(desk.zone());
        for (CaseFacts facts : cases.cases()) {
            exposure.waiting(facts.getOpenedAt(), facts.getWaitingUntil());
            if (facts.getReplied()) {
                exposure.reply(facts.getWaitingUntil());
            }
        }
        List<BrandHourRow> rows = new ArrayList<>();
        for (int slot = 0; slot < HourOfWeekExposure.HOURS; slot++) {
            double waiting = exposure.waitingHours(slot);
            int replies = exposure.replies(slot);
            if (waiting == 0 && replies == 0) {
                continue;
            }
            DayOfWeek day = DayOfWeek.of(slot / 24 + 1);
            int hour = slot % 24;
            rows.add(
                    BrandHourRow.newBuilder()
                            .setBrand(cases.brand())
                            .setPeriod(settings.period().name())
                            .setPeriodStart(cases.periodStart())
                            .setTimeZone(desk.zone().getId())
                            .setHourOfWeek(slot)
                            .setDayOfWeek(day.name())
                            .setHourOfDay(hour)
                            .setWaitingCaseHours(waiting)
                            .setFirstReplies(replies)
                            .setReplyIntensity(waiting > 0 ? replies / waiting : null)
                            .setDeclaredOpenShare(desk.declaredOpenShare(day, hour))
                            .setConfigHash(settings.configHash())
                            .build());
        }
        return rows;
    }
}
