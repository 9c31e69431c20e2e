package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.squeaky.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrandRegistryTest {

    @Test
    void theBundledListNames77SupportAccounts() {
        BrandRegistry bundled = BrandRegistry.bundled();

        assertThat(bundled.size()).as("TWCS's 76 and Citibanamex").isEqualTo(77);
        assertThat(bundled.byHandle("citibanamex"))
                .contains(new Brand("Citibanamex", ZoneId.of("America/Mexico_City")));
        assertThat(bundled.byHandle("sprintcare"))
                .contains(new Brand("Sprint", ZoneId.of("America/Chicago")));
        assertThat(bundled.byHandle("British_Airways"))
                .contains(new Brand("British Airways", ZoneId.of("Europe/London")));
        assertThat(bundled.byHandle("AskPapaJohns"))
                .contains(new Brand("Papa John's", ZoneId.of("America/Kentucky/Louisville")));
    }

    @Test
    void theBundledListNamesEveryBrandAccountOfTheTwcsExtract() throws Exception {
        Set<String> brandAccounts = new TreeSet<>();
        for (var post :
                ParsedFile.read(SharedData.file("twcs/twcs-head5000.csv"), InputFormat.TWCS)
                        .posts()) {
            if (post.getAuthorIsBrand()) {
                brandAccounts.add(post.getAuthorId());
            }
        }
        BrandRegistry bundled = BrandRegistry.bundled();

        assertThat(brandAccounts).hasSize(76).allMatch(bundled::isBrandHandle);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "AppleSupport",
                "applesupport",
                "APPLESUPPORT",
                "@AppleSupport",
                " @applesupport "
            })
    void matchesAHandleWhateverItsCaseAndWithOrWithoutTheAt(String handle) {
        assertThat(BrandRegistry.bundled().byHandle(handle))
                .contains(new Brand("Apple", ZoneId.of("America/Los_Angeles")));
        assertThat(BrandRegistry.bundled().isBrandHandle(handle)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"AppleSupportX", "Apple", "@", "", "115712", "@@AppleSupport"})
    void doesNotMatchOtherHandles(String handle) {
        assertThat(BrandRegistry.bundled().byHandle(handle)).isEmpty();
    }

    @Test
    void aMissingHandleIsNoBrand() {
        assertThat(BrandRegistry.bundled().byHandle(null)).isEmpty();
        assertThat(BrandRegistry.bundled().isBrandHandle(null)).isFalse();
        assertThat(BrandRegistry.empty().size()).isZero();
        assertThat(BrandRegistry.empty().isBrandHandle("AppleSupport")).isFalse();
    }

    @Test
    void skipsTheHeaderCommentsAndBlankLinesAndDefaultsABlankZoneToUtc() {
        String csv =
                "handle,brand,time_zone\n"
                        + "# support accounts\n"
                        + "\n"
                        + "   # an indented comment\n"
                        + "@HelpDesk , Help Desk Inc ,Europe/Paris\n"
                        + "NightShift,Night Shift,\n";

        BrandRegistry registry = BrandRegistry.parse(csv, "brands.csv");

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.byHandle("helpdesk"))
                .contains(new Brand("Help Desk Inc", ZoneId.of("Europe/Paris")));
        assertThat(registry.byHandle("NIGHTSHIFT"))
                .contains(new Brand("Night Shift", ZoneOffset.UTC));
        assertThat(registry.isBrandHandle("handle")).as("the header is not a brand").isFalse();
    }

    @Test
    void aLaterLineForTheSameHandleWins() {
        BrandRegistry registry =
                BrandRegistry.parse(
                        "handle,brand,time_zone\nHelp,Old Name,UTC\nhelp,New Name,Asia/Tokyo\n",
                        "x");

        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.byHandle("HELP"))
                .contains(new Brand("New Name", ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void refusesAnUnknownTimeZoneNamingTheFileAndLine() {
        String csv =
                "handle,brand,time_zone\n"
                        + "# comment\n"
                        + "Good,Good Brand,Europe/London\n"
                        + "Bad,Bad Brand,Mars/Olympus_Mons\n";

        assertThatThrownBy(() -> BrandRegistry.parse(csv, "brands.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brands.csv line 4: unknown time zone Mars/Olympus_Mons")
                .hasCauseInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "OnlyHandle",
                "Handle,Brand",
                "Handle,Brand,UTC,extra",
                ",Brand,UTC",
                "Handle, ,UTC"
            })
    void refusesALineWithoutAHandleABrandAndAZone(String line) {
        String csv = "handle,brand,time_zone\nFine,Fine Brand,UTC\n" + line + "\n";

        assertThatThrownBy(() -> BrandRegistry.parse(csv, "brands.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brands.csv line 3: expected handle,brand,time_zone");
    }

    @Test
    void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path good =
                Files.writeString(
                        dir.resolve("good.csv"), "handle,brand,time_zone\nA,Brand A,UTC\n");
        Path bad =
                Files.writeString(
                        dir.resolve("bad.csv"), "handle,brand,time_zone\nA,Brand A,Nowhere\n");

        assertThat(BrandRegistry.load(good).byHandle("a"))
                .contains(new Brand("Brand A", ZoneId.of("UTC")));
        assertThatThrownBy(() -> BrandRegistry.load(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + " line 2: unknown time zone Nowhere");
    }

    @Test
    void theBundledResourceIsTheShippedJobsConfigFile() throws Exception {
        Path shipped = Path.of("jobs/config/brands.csv");
        long lines =
                Files.readAllLines(shipped).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .count();

        assertThat(lines).as("header + one line a handle").isEqualTo(78L);
        assertThat(BrandRegistry.load(shipped).size()).isEqualTo(BrandRegistry.bundled().size());
    }
}
