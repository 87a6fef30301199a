package cn.medicare.campaign.contracts.identity;

import java.util.Objects;

/**
 * 联系方式: a resident's name and phone, which the townships and the bureau need in full to chase
 * the unpaid (API.md additions, "Lists and forms"). On the bus they travel only sealed, the same
 * way as ID numbers but for a different reader: the reporting service, which prints the lists,
 * holds the private key; the enrollment service seals with its public half and cannot open.
 *
 * @param phone null where the roster has none
 */
public record Contact(String name, String phone) {

    private static final char SEPARATOR = '\n';

    public Contact {
        Objects.requireNonNull(name, "name");
    }

    public String sealWith(IdNumberSealer sealer) {
        return sealer.seal(name + SEPARATOR + (phone == null ? "" : phone));
    }

    public static Contact open(String sealed, IdNumberOpener opener) {
        String text = opener.open(sealed);
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("a sealed contact holds a name and a phone");
        }
        String phone = text.substring(separator + 1);
        return new Contact(text.substring(0, separator), phone.isEmpty() ? null : phone);
    }
}
