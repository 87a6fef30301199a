package cn.medicare.campaign.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous person ids and masks. Every service that receives ID numbers holds the same
 * person key and so computes the same {@code personId}; a keyed hash (not a plain hash) because
 * ID numbers are few enough to hash them all and look a plain hash up.
 */
public final class PersonIds {

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;
    private static final int PERSON_ID_BYTES = 16;

    private final SecretKeySpec key;
    /**
     * A Mac is not thread-safe, and making one looks its provider up: a list of 5,000 rows made 5,000
     * (a JFR profile of the county benchmark: as many samples as the hashing itself). {@code doFinal}
     * leaves a Mac ready for the next number.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PersonIds(byte[] personKey) {
        Objects.requireNonNull(personKey, "personKey");
        if (personKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the person key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(personKey, HMAC);
    }

    public static PersonIds fromBase64(String base64PersonKey) {
        return new PersonIds(Base64.getDecoder().decode(Objects.requireNonNull(base64PersonKey, "base64PersonKey")));
    }

    /** First 16 bytes of HMAC-SHA256(person key, upper-cased number), as 32 lower-case hex characters. */
    public String personId(String idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        byte[] digest = macs.get().doFinal(idNumber.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, PERSON_ID_BYTES);
    }

    /**
     * 430821***********X: the county and the check character. Anything more, next to a birth year
     * and a sex, narrows the number below the 10,000 candidates EVENTS.md allows.
     */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() != ResidentIdNumber.LENGTH) {
            throw new IllegalArgumentException("only an 18-character ID number can be masked");
        }
        return idNumber.substring(0, 6) + "*".repeat(11) + idNumber.substring(17).toUpperCase(Locale.ROOT);
    }

    /**
     * The mask of the number on every record of its person, in every service: the county alone for someone born less than a
     * year before the first day any campaign the service knows let people enrol and pay, or after; 6+1 for anyone else.
     * An infant's records bound the birth date to months (a newborn's category, a coverage from birth, an enrolment made
     * before the first birthday), and a record showing 6+1 beside another of the same child showing the county alone would
     * give both away. Each of those comes on or after that first day, so its child was born after the threshold: one public
     * threshold, whatever the record's day, tells no more than which side of it the birth lies.
     *
     * @param firstCollectionDay the first day any campaign the service knows opened for enrolment and payment
     *     ({@code CampaignDefined.firstCollectionDay()}), of any region (a child moves); null while it knows none, and then
     *     the county alone: nothing yet tells which side of the threshold the birth lies
     */
    public static String maskIdNumber(String idNumber, LocalDate birthDate, LocalDate firstCollectionDay) {
        boolean infant = firstCollectionDay == null || birthDate.isAfter(maskThreshold(firstCollectionDay));
        return infant ? maskIdNumberToCounty(idNumber) : maskIdNumber(idNumber);
    }

    /** The last birth date a 6+1 mask may stand for: a year before the first collection day; later births show the county alone. */
    public static LocalDate maskThreshold(LocalDate firstCollectionDay) {
        return firstCollectionDay.minusYears(1);
    }

    /**
     * 350825************: the county alone, for anyone {@link #maskIdNumber(String, LocalDate, LocalDate)} masks so, and
     * wherever no age is judged (a log line): with the birth date bounded to months, the check character and a sex would
     * leave too few candidates (docs/personal-data.md).
     */
    public static String maskIdNumberToCounty(String idNumber) {
        if (idNumber == null || idNumber.length() != ResidentIdNumber.LENGTH) {
            throw new IllegalArgumentException("only an 18-character ID number can be masked");
        }
        return idNumber.substring(0, 6) + "*".repeat(12);
    }

    /** 张三丰 -> 张**; a one-character name is all mask. Counts code points for rare characters. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name to mask is not empty");
        }
        String trimmed = name.strip();
        int characters = trimmed.codePointCount(0, trimmed.length());
        if (characters == 1) {
            return "*";
        }
        return new StringBuilder().appendCodePoint(trimmed.codePointAt(0)).append("*".repeat(characters - 1)).toString();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PersonIds[key hidden]";
    }
}
