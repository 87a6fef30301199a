package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdNumberSealerTests {

    private static final String NUMBER = "350825198506124017";
    private static final KeyPair PAIR_2024 = keyPair();
    private static final KeyPair PAIR_2025 = keyPair();

    private final IdNumberSealer sealer = new IdNumberSealer("k2025", PAIR_2025.getPublic());
    private final IdNumberOpener opener = new IdNumberOpener(Map.of("k2025", PAIR_2025.getPrivate()));

    @Test
    void whatTheSealerSealsTheOpenerOpens() {
        assertThat(opener.open(sealer.seal(NUMBER))).isEqualTo(NUMBER);
    }

    @Test
    void theSealerHoldsNoKeyThatOpens() {
        assertThat(IdNumberSealer.class.getDeclaredMethods()).extracting(method -> method.getName())
                .doesNotContain("open", "unseal");
    }

    @Test
    void theSealedTextHasTheDocumentedLayout() {
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));

        assertThat(sealed[0]).isEqualTo((byte) 5);
        assertThat(new String(sealed, 1, 5, StandardCharsets.UTF_8)).isEqualTo("k2025");
        assertThat(sealed).hasSize(1 + 5 + 44 + 12 + NUMBER.length() + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER);
    }

    @Test
    void twoSealsOfTheSameNumberDiffer() {
        assertThat(sealer.seal(NUMBER)).isNotEqualTo(sealer.seal(NUMBER));
    }

    @Test
    void theEphemeralKeyIsReplacedAfterItsShareOfSeals() {
        Set<String> ephemeralKeys = new HashSet<>();
        for (int i = 0; i <= IdNumberSealer.SEALS_PER_EPHEMERAL_KEY; i++) {
            byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));
            ephemeralKeys.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(sealed, 6, 6 + 44)));
        }

        assertThat(ephemeralKeys).hasSize(2);
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));
        int altered = 0;
        for (int i = 1 + 5; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> opener.open(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(NUMBER);
            altered++;
        }
        assertThat(altered).isEqualTo(44 + 12 + NUMBER.length() + 16);
    }

    /** Every thread keeps a cipher of its own: threads sealing and opening at once under two keys, refusals among them. */
    @Test
    void threadsSealAndOpenAtOnceUnderSeveralKeysAndAfterARefusal() throws Exception {
        IdNumberSealer sealer2024 = new IdNumberSealer("k2024", PAIR_2024.getPublic());
        IdNumberOpener ring = new IdNumberOpener(Map.of("k2024", PAIR_2024.getPrivate(), "k2025", PAIR_2025.getPrivate()));
        byte[] tampered = Base64.getDecoder().decode(sealer.seal(NUMBER));
        tampered[tampered.length - 1] ^= 0x01;
        String refused = Base64.getEncoder().encodeToString(tampered);
        String sealedHere = sealer2024.seal(NUMBER);
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    assertThat(ring.open(sealedHere)).isEqualTo(NUMBER);
                    int roundTrips = 0;
                    for (int i = 0; i < 500; i++) {
                        String older = sealer2024.seal(NUMBER);
                        String newer = sealer.seal("35082520170101002X");
                        assertThatThrownBy(() -> ring.open(refused)).isInstanceOf(IllegalArgumentException.class);
                        assertThat(ring.open(older)).isEqualTo(NUMBER);
                        assertThat(ring.open(newer)).isEqualTo("35082520170101002X");
                        roundTrips++;
                    }
                    return roundTrips;
                }));
            }
            for (Future<Integer> done : opened) {
                assertThat(done.get(1, TimeUnit.MINUTES)).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIdChangedToAnotherKnownIdFailsAuthentication() {
        IdNumberOpener ring = new IdNumberOpener(Map.of("k2024", PAIR_2025.getPrivate(), "k2025", PAIR_2025.getPrivate()));
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));
        sealed[5] = '4';

        assertThatThrownBy(() -> ring.open(Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("altered");
    }

    @Test
    void truncatedOrNonBase64TextIsRefused() {
        String sealed = sealer.seal(NUMBER);

        assertThatThrownBy(() -> opener.open(sealed.substring(0, 20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> opener.open("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> opener.open("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownKeyIdIsNamed() {
        IdNumberSealer other = new IdNumberSealer("k2099", keyPair().getPublic());

        assertThatThrownBy(() -> opener.open(other.seal(NUMBER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2099")
                .hasMessageNotContaining(NUMBER);
    }

    @Test
    void afterRotationOldSealsStillOpenAndNewSealsUseTheNewKey() {
        String sealedBefore = new IdNumberSealer("k2024", PAIR_2024.getPublic()).seal(NUMBER);
        IdNumberOpener ring = IdNumberOpener.fromBase64(Map.of(
                "k2024", Base64.getEncoder().encodeToString(PAIR_2024.getPrivate().getEncoded()),
                "k2025", Base64.getEncoder().encodeToString(PAIR_2025.getPrivate().getEncoded())));
        IdNumberSealer after = IdNumberSealer.fromBase64("k2025", Base64.getEncoder().encodeToString(PAIR_2025.getPublic().getEncoded()));

        assertThat(ring.open(sealedBefore)).isEqualTo(NUMBER);
        assertThat(ring.open(after.seal(NUMBER))).isEqualTo(NUMBER);
        assertThat(opener.open(after.seal(NUMBER))).isEqualTo(NUMBER);
        assertThatThrownBy(() -> new IdNumberOpener(Map.of("k2024", PAIR_2024.getPrivate())).open(after.seal(NUMBER)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badKeysAreRefused() {
        assertThatThrownBy(() -> IdNumberSealer.fromBase64("k1", "%%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumberSealer.fromBase64("k1", Base64.getEncoder().encodeToString(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
        assertThatThrownBy(() -> IdNumberOpener.fromBase64(Map.of("k1", "%%%"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdNumberOpener(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesKeyIdsButNoKeys() {
        IdNumberOpener ring = new IdNumberOpener(Map.of("k2024", PAIR_2024.getPrivate(), "k2025", PAIR_2025.getPrivate()));

        assertThat(ring.toString()).contains("k2024", "k2025")
                .doesNotContain(Base64.getEncoder().encodeToString(PAIR_2025.getPrivate().getEncoded()));
        assertThat(sealer.toString()).contains("k2025");
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
