package io.squeaky.jobs;

import io.squeaky.cases.CaseRules;
import io.squeaky.cases.PersonKeys;
import io.squeaky.cases.Pseudonymizer;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.BrandRegistry;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RejectPrivacy;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every job is told besides its sources: the case rules, reference data and output. */
public record PipelineConfig(
        BrandRegistry brands,
        ScheduleBook schedules,
        PressureThresholds pressure,
        PersonKeys personKeys,
        String output,
        CaseRules rules,
        Duration outOfOrderness,
        Duration idleness,
        Pseudonymizer pseudonyms,
        int parallelism,
        StatisticsSettings statistics,
        boolean rejectsRaw,
        ProvisionalSchedule provisional,
        boolean hazardRatios,
        long localManagedMemory) {

    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMinutes(10);
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);
    public static final String SALT_VARIABLE = "SQUEAKY_SALT";

    /**
     * Managed memory of a local run's embedded task manager: Flink's local default of 128 MB,
     * shared by every keyed operator's sort in BATCH, made the sorts spill to disk, re-serialising
     * each record.
     */
    static final long DEFAULT_LOCAL_MANAGED_MEMORY = 512L << 20;

    static final String USAGE =
            """
              --identities FILE     CSV customer_id,social_handle linking desk customers to
                                    their social accounts
              --pressure FILE       pressure-bucket thresholds, JSON (default: the bundled
                                    jobs/config/pressure.json)
              --brands FILE         support accounts: CSV handle,brand,time_zone
                                    (default: the bundled jobs/config/brands.csv)
              --schedules FILE      business hours per brand, JSON (default: the bundled
                                    jobs/config/schedules.json: Mon-Fri 09:00-17:00 local)
              --output DIR          where the tables go (a local path or any Flink file system URI)
              --inactivity-gap D    a conversation closes after this long without posts (default 72h)
              --reply-window D      a reply links to its parent only within this long (default 7d)
              --link-window D       a customer's post joins their ticket if posted up to this
                                    long before it (default 24h)
              --ticket-timeout D    a customer with an unresolved ticket stays open this long
                                    without activity (default 30d, at least the gap)
              --max-case-length D   a conversation still going this long after it began is cut
                                    and its cases censored there (default 60d, at least the
                                    gap); streaming statistics for a period are written this
                                    long after the period ends
              --period P            statistics tables per hour, day or week of the time a case
                                    opened, UTC (default day)
              --bootstrap-replicates N
                                    resamples for each median-ratio interval (default 499)
              --bootstrap-seed N    seed of the resampling (default 20171031)
              --min-group-cases N   fewest cases on each side of a comparison for a ratio
                                    interval (default 10)
              --out-of-order D      how far out of event-time order posts may arrive (default 10m)
              --idleness D          a source split quiet this long stops holding back the
                                    watermark (default 1m)
              --salt-file FILE      secret for pseudonymous customer ids (else $SQUEAKY_SALT,
                                    else the public development salt)
              --rejects-raw         keep each reject's raw record (ids, handles, text) in the
                                    rejects table; by default only its hash and pseudonyms
              --no-hazard-ratios    leave the case_intervals and effects tables empty (the
                                    benchmark measures their cost with it)
              --parallelism N       operator parallelism (default: the environment's)
              --managed-memory SIZE
                                    managed memory of a local run's embedded task manager,
                                    which BATCH's sorts share (default 512mb; a cluster sets
                                    its own)
              --help                this text

            Durations: 90s, 30m, 72h, 7d or ISO-8601 (PT1H30M).
            """;

    static final List<String> OPTIONS =
            List.of(
                    "identities",
                    "pressure",
                    "link-window",
                    "ticket-timeout",
                    "max-case-length",
                    "period",
                    "bootstrap-replicates",
                    "bootstrap-seed",
                    "min-group-cases",
                    "brands",
                    "schedules",
                    "output",
                    "inactivity-gap",
                    "reply-window",
                    "out-of-order",
                    "idleness",
                    "salt-file",
                    "rejects-raw",
                    "no-hazard-ratios",
                    "parallelism",
                    "managed-memory");

    static PipelineConfig from(Options options) {
        String brandsFile = options.get("brands", null);
        BrandRegistry brands;
        try {
            brands =
                    brandsFile == null
                            ? BrandRegistry.bundled()
                            : BrandRegistry.load(Path.of(brandsFile));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --brands " + brandsFile + ": " + reason(e), e);
        }
        String schedulesFile = options.get("schedules", null);
        ScheduleBook schedules;
        try {
            schedules =
                    schedulesFile == null
                            ? ScheduleBook.bundled(brands.brandZones())
                            : ScheduleBook.load(Path.of(schedulesFile), brands.brandZones());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --schedules " + schedulesFile + ": " + reason(e), e);
        }
        Duration gap = options.positiveDuration("inactivity-gap", CaseRules.DEFAULT_INACTIVITY_GAP);
        Duration ticketTimeout =
                options.positiveDuration(
                        "ticket-timeout",
                        gap.compareTo(CaseRules.DEFAULT_TICKET_TIMEOUT) > 0
                                ? gap
                                : CaseRules.DEFAULT_TICKET_TIMEOUT);
        CaseRules rules =
                new CaseRules(
                        gap,
                        options.positiveDuration("reply-window", CaseRules.DEFAULT_REPLY_WINDOW),
                        options.duration("link-window", CaseRules.DEFAULT_LINK_WINDOW),
                        ticketTimeout,
                        options.positiveDuration(
                                "max-case-length",
                                gap.compareTo(CaseRules.DEFAULT_MAX_CASE_LENGTH) > 0
                                        ? gap
                                        : CaseRules.DEFAULT_MAX_CASE_LENGTH));
        PressureThresholds pressure = pressure(options.get("pressure", null));
        return new PipelineConfig(
                brands,
                schedules,
                pressure,
                new PersonKeys(identities(options.get("identities", null))),
                options.required("output"),
                rules,
                options.duration("out-of-order", DEFAULT_OUT_OF_ORDERNESS),
                options.duration("idleness", DEFAULT_IDLENESS),
                new Pseudonymizer(salt(options.get("salt-file", null))),
                options.get("parallelism", null) == null ? 0 : options.positive("parallelism", 1),
                StatisticsSettings.of(
                        StatsPeriod.fromOption(options.get("period", "day")),
                        options.positive(
                                "bootstrap-replicates", StatisticsSettings.DEFAULT_REPLICATIONS),
                        seed(options.get("bootstrap-seed", null)),
                        options.positive(
                                "min-group-cases", StatisticsSettings.DEFAULT_MINIMUM_GROUP_CASES),
                        rules.maxCaseLengthMillis(),
                        rules + ";" + pressure + ";" + schedules),
                options.flag("rejects-raw"),
                provisional(options.get("provisional-every", null), options.get("as-of", null)),
                !options.flag("no-hazard-ratios"),
                options.bytes("managed-memory", DEFAULT_LOCAL_MANAGED_MEMORY));
    }

    /**
     * {@code --as-of} (batch: a cut) or {@code --provisional-every} (streaming: an interval of
     * event time, {@code off} or 0 for none); each job accepts only its own.
     */
    static ProvisionalSchedule provisional(String every, String asOf) {
        if (asOf != null) {
            return ProvisionalSchedule.cutAt(instant(asOf));
        }
        if (every == null) {
            return ProvisionalSchedule.every(ProvisionalSchedule.DEFAULT_EVERY);
        }
        if (every.strip().equalsIgnoreCase("off") || every.strip().equals("0")) {
            return ProvisionalSchedule.OFF;
        }
        Duration interval = Options.duration("provisional-every", every);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "--provisional-every must be longer than zero, or off, not " + every);
        }
        return ProvisionalSchedule.every(interval);
    }

    /** An ISO-8601 instant ({@code 2017-10-05T12:00:00Z}) or a UTC date (its midnight). */
    private static long instant(String value) {
        String v = value.strip();
        try {
            return v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--as-of expects an instant such as 2017-10-05T12:00:00Z or a date such as"
                            + " 2017-10-05, not '"
                            + value
                            + "'",
                    e);
        }
    }

    private static long seed(String value) {
        if (value == null) {
            return StatisticsSettings.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bootstrap-seed must be an integer: " + value, e);
        }
    }

    static PressureThresholds pressure(String file) {
        try {
            return file == null
                    ? PressureThresholds.bundled()
                    : PressureThresholds.load(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --pressure " + file + ": " + reason(e), e);
        }
    }

    /** The identity map: desk customer id to social handle; empty without a file. */
    static Map<String, String> identities(String file) {
        if (file == null) {
            return Map.of();
        }
        Map<String, String> handles = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.equalsIgnoreCase("customer_id,social_handle")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new IllegalArgumentException(
                            "--identities "
                                    + file
                                    + " line "
                                    + (i + 1)
                                    + ": expected customer_id,social_handle");
                }
                String handle = fields[1].strip();
                handles.put(
                        fields[0].strip(), handle.startsWith("@") ? handle.substring(1) : handle);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --identities " + file + ": " + reason(e), e);
        }
        return handles;
    }

    static String salt(String saltFile) {
        if (saltFile != null) {
            try {
                String salt = Files.readString(Path.of(saltFile), StandardCharsets.UTF_8).strip();
                if (salt.isEmpty()) {
                    throw new IllegalArgumentException("--salt-file " + saltFile + " is empty");
                }
                return salt;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read --salt-file " + saltFile + ": " + reason(e), e);
            }
        }
        String fromEnvironment = System.getenv(SALT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? Pseudonymizer.DEVELOPMENT_SALT
                : fromEnvironment;
    }

    /** What went wrong with a file, in words: the JDK names a missing file only by its path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public PostFactory postFactory() {
        return new PostFactory(
                brands, Clock.systemUTC(), new RejectPrivacy(pseudonyms, rejectsRaw));
    }

    public SqueakyWorkflow.Settings settings() {
        return new SqueakyWorkflow.Settings(
                rules,
                pseudonyms,
                schedules,
                pressure,
                personKeys,
                statistics,
                provisional,
                hazardRatios);
    }
}
