package io.squeaky.generate;

import static io.squeaky.generate.Sector.AIRLINE;
import static io.squeaky.generate.Sector.BANK;
import static io.squeaky.generate.Sector.ENTERTAINMENT;
import static io.squeaky.generate.Sector.FOOD;
import static io.squeaky.generate.Sector.HOSPITALITY;
import static io.squeaky.generate.Sector.RAIL;
import static io.squeaky.generate.Sector.RETAIL;
import static io.squeaky.generate.Sector.RIDE_AND_DELIVERY;
import static io.squeaky.generate.Sector.TECH;
import static io.squeaky.generate.Sector.TELECOM;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The support accounts of jobs/config/brands.csv with how often each appears: the weight is the
 * account's number of tweets in the first 5,000 rows of the Kaggle TWCS file (at least 1), so
 * ChipotleTweets, AmazonHelp, AppleSupport, Uber_Support and Delta dominate as they do there.
 */
final class BrandMix {

    /** One support account: its handle as written in TWCS, what it sells and its weight. */
    record SupportAccount(String handle, Sector sector, int weight) {
        byte[] handleBytes() {
            return handle.getBytes(StandardCharsets.US_ASCII);
        }
    }

    static final List<SupportAccount> ACCOUNTS =
            List.of(
                    new SupportAccount("ATVIAssist", ENTERTAINMENT, 34),
                    new SupportAccount("AdobeCare", TECH, 35),
                    new SupportAccount("AirAsiaSupport", AIRLINE, 27),
                    new SupportAccount("AirbnbHelp", HOSPITALITY, 7),
                    new SupportAccount("AlaskaAir", AIRLINE, 23),
                    new SupportAccount("AldiUK", RETAIL, 1),
                    new SupportAccount("AmazonHelp", RETAIL, 192),
                    new SupportAccount("AmericanAir", AIRLINE, 68),
                    new SupportAccount("AppleSupport", TECH, 140),
                    new SupportAccount("ArgosHelpers", RETAIL, 24),
                    new SupportAccount("AskAmex", BANK, 11),
                    new SupportAccount("AskCiti", BANK, 3),
                    new SupportAccount("AskLyft", RIDE_AND_DELIVERY, 3),
                    new SupportAccount("AskPapaJohns", FOOD, 20),
                    new SupportAccount("AskPayPal", BANK, 17),
                    new SupportAccount("AskPlayStation", ENTERTAINMENT, 66),
                    new SupportAccount("AskTarget", RETAIL, 14),
                    new SupportAccount("Ask_Spectrum", TELECOM, 29),
                    new SupportAccount("Ask_WellsFargo", BANK, 24),
                    new SupportAccount("AskeBay", RETAIL, 35),
                    new SupportAccount("AsurionCares", TECH, 2),
                    new SupportAccount("AzureSupport", TECH, 11),
                    new SupportAccount("BofA_Help", BANK, 36),
                    new SupportAccount("BoostCare", TELECOM, 6),
                    new SupportAccount("British_Airways", AIRLINE, 89),
                    new SupportAccount("CenturyLinkHelp", TELECOM, 19),
                    new SupportAccount("ChaseSupport", BANK, 10),
                    new SupportAccount("ChipotleTweets", FOOD, 210),
                    new SupportAccount("CoxHelp", TELECOM, 29),
                    new SupportAccount("Delta", AIRLINE, 111),
                    new SupportAccount("DoorDash_Help", RIDE_AND_DELIVERY, 4),
                    new SupportAccount("DropboxSupport", TECH, 11),
                    new SupportAccount("DunkinDonuts", FOOD, 1),
                    new SupportAccount("GWRHelp", RAIL, 13),
                    new SupportAccount("GloCare", TELECOM, 2),
                    new SupportAccount("GoDaddyHelp", TECH, 8),
                    new SupportAccount("HPSupport", TECH, 6),
                    new SupportAccount("IHGService", HOSPITALITY, 1),
                    new SupportAccount("JackBox", FOOD, 1),
                    new SupportAccount("JetBlue", AIRLINE, 1),
                    new SupportAccount("Kimpton", HOSPITALITY, 5),
                    new SupportAccount("LondonMidland", RAIL, 2),
                    new SupportAccount("McDonalds", FOOD, 13),
                    new SupportAccount("MicrosoftHelps", TECH, 8),
                    new SupportAccount("Morrisons", RETAIL, 16),
                    new SupportAccount("NeweggService", RETAIL, 7),
                    new SupportAccount("NikeSupport", RETAIL, 3),
                    new SupportAccount("O2", TELECOM, 2),
                    new SupportAccount("Postmates_Help", RIDE_AND_DELIVERY, 14),
                    new SupportAccount("SW_Help", RAIL, 3),
                    new SupportAccount("Safaricom_Care", TELECOM, 3),
                    new SupportAccount("SouthwestAir", AIRLINE, 72),
                    new SupportAccount("SpotifyCares", ENTERTAINMENT, 80),
                    new SupportAccount("TMobileHelp", TELECOM, 77),
                    new SupportAccount("Tesco", RETAIL, 68),
                    new SupportAccount("TfL", RAIL, 1),
                    new SupportAccount("UPSHelp", RIDE_AND_DELIVERY, 22),
                    new SupportAccount("USCellularCares", TELECOM, 1),
                    new SupportAccount("Uber_Support", RIDE_AND_DELIVERY, 112),
                    new SupportAccount("VerizonSupport", TELECOM, 62),
                    new SupportAccount("VirginAmerica", AIRLINE, 1),
                    new SupportAccount("VirginAtlantic", AIRLINE, 8),
                    new SupportAccount("VirginTrains", RAIL, 21),
                    new SupportAccount("Walmart", RETAIL, 10),
                    new SupportAccount("XboxSupport", ENTERTAINMENT, 54),
                    new SupportAccount("YahooCare", TECH, 1),
                    new SupportAccount("airtel_care", TELECOM, 4),
                    new SupportAccount("askpanera", FOOD, 1),
                    new SupportAccount("asksalesforce", TECH, 2),
                    new SupportAccount("comcastcares", TELECOM, 82),
                    new SupportAccount("hulu_support", ENTERTAINMENT, 33),
                    new SupportAccount("idea_cares", TELECOM, 3),
                    new SupportAccount("marksandspencer", RETAIL, 25),
                    new SupportAccount("nationalrailenq", RAIL, 16),
                    new SupportAccount("sainsburys", RETAIL, 14),
                    new SupportAccount("sprintcare", TELECOM, 32));

    private final SupportAccount[] accounts = ACCOUNTS.toArray(SupportAccount[]::new);
    private final byte[][] handles =
            ACCOUNTS.stream().map(SupportAccount::handleBytes).toArray(byte[][]::new);
    private final int[] cumulativeWeights = new int[accounts.length];

    BrandMix() {
        int total = 0;
        for (int i = 0; i < accounts.length; i++) {
            total += accounts[i].weight();
            cumulativeWeights[i] = total;
        }
    }

    /** The index of an account drawn by weight. */
    int pick(SeededRandom random) {
        int ticket = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int found = Arrays.binarySearch(cumulativeWeights, ticket + 1);
        return found >= 0 ? found : -found - 1;
    }

    SupportAccount account(int index) {
        return accounts[index];
    }

    byte[] handle(int index) {
        return handles[index];
    }
}
