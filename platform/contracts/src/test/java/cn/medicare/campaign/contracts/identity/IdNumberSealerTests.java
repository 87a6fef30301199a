package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdNumberSealerTests {

    private static final String NUMBER = "350825198506124017";
    private static final byte[] KEY_2024 = key('a');
    private static final byte[] KEY_2025 = key('b');

    private final IdNumberSealer sealer = new IdNumberSealer("k2025", Map.of("k2025", KEY_2025));

    @Test
    void sealThenUnsealGivesTheNumberBack() {
        assertThat(sealer.unseal(sealer.seal(NUMBER))).isEqualTo(NUMBER);
    }

    @Test
    void theSealedTextHasTheDocumentedLayout() {
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));

        assertThat(sealed[0]).isEqualTo((byte) 5);
        assertThat(new String(sealed, 1, 5, StandardCharsets.UTF_8)).isEqualTo("k2025");
        assertThat(sealed).hasSize(1 + 5 + 12 + NUMBER.length() + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER);
    }

    @Test
    void twoSealsOfTheSameNumberDiffer() {
        assertThat(sealer.seal(NUMBER)).isNotEqualTo(sealer.seal(NUMBER));
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] sealed = Base64.getDecoder().decode(sealer.seal(NUMBER));
        int altered = 0;
        for (int i = 1 + 5; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> sealer.unseal(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("altered")
                    .hasMessageNotContaining(NUMBER);
            altered++;
        }
        assertThat(altered).isEqualTo(12 + NUMBER.length() + 16);
    }

    @Test
    void aKeyIdChangedToAnotherKnownIdFailsAuthentication() {
        IdNumberSealer ring = new IdNumberSealer("k2025", Map.of("k2024", KEY_2025, "k2025", KEY_2025));
        byte[] sealed = Base64.getDecoder().decode(ring.seal(NUMBER));
        sealed[5] = '4';

        assertThatThrownBy(() -> ring.unseal(Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("altered");
    }

    @Test
    void truncatedOrNonBase64TextIsRefused() {
        String sealed = sealer.seal(NUMBER);

        assertThatThrownBy(() -> sealer.unseal(sealed.substring(0, 20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.unseal("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.unseal("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownKeyIdIsNamed() {
        IdNumberSealer other = new IdNumberSealer("k2099", Map.of("k2099", key('z')));

        assertThatThrownBy(() -> sealer.unseal(other.seal(NUMBER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2099")
                .hasMessageNotContaining(NUMBER);
    }

    @Test
    void afterRotationOldSealsStillOpenAndNewSealsUseTheNewKey() {
        IdNumberSealer before = new IdNumberSealer("k2024", Map.of("k2024", KEY_2024));
        String sealedBefore = before.seal(NUMBER);
        IdNumberSealer after = IdNumberSealer.fromBase64("k2025", Map.of(
                "k2024", Base64.getEncoder().encodeToString(KEY_2024),
                "k2025", Base64.getEncoder().encodeToString(KEY_2025)));

        assertThat(after.unseal(sealedBefore)).isEqualTo(NUMBER);
        assertThat(after.currentKeyId()).isEqualTo("k2025");
        assertThat(sealer.unseal(after.seal(NUMBER))).isEqualTo(NUMBER);
        assertThatThrownBy(() -> before.unseal(after.seal(NUMBER))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badKeyRingsAreRefused() {
        assertThatThrownBy(() -> new IdNumberSealer("k1", Map.of("k2", KEY_2025)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
        assertThatThrownBy(() -> new IdNumberSealer("k1", Map.of("k1", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> IdNumberSealer.fromBase64("k1", Map.of("k1", "%%%")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesKeyIdsButNoKeys() {
        IdNumberSealer ring = new IdNumberSealer("k2025", Map.of("k2024", KEY_2024, "k2025", KEY_2025));

        assertThat(ring.toString()).contains("k2024", "k2025")
                .doesNotContain(Base64.getEncoder().encodeToString(KEY_2025))
                .doesNotContain(new String(KEY_2025, StandardCharsets.ISO_8859_1));
    }

    private static byte[] key(char fill) {
        return String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII);
    }
}
