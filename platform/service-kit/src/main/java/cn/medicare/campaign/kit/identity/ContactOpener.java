package cn.medicare.campaign.kit.identity;

import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Opens the contacts sealed for the reporting service, the one service configured with the private keys. */
public final class ContactOpener {

    private final IdNumberOpener opener;

    private ContactOpener(IdNumberOpener opener) {
        this.opener = opener;
    }

    /** @param base64KeyRing the private keys by key id, PKCS#8, base64 */
    public static ContactOpener fromBase64(Map<String, String> base64KeyRing) {
        return new ContactOpener(IdNumberOpener.fromBase64(base64KeyRing));
    }

    /**
     * @return empty when this service cannot open it: sealed under a key id retired from the ring since (a Friday issue kept
     *     for months), or damaged. One person's contact never fails a list of hundreds: that person shows masked.
     */
    /** The key ids this service can open under (no key): what an operator compares with the ones that failed. */
    public List<String> keyIds() {
        return opener.keyIds();
    }

    public Optional<Contact> open(String sealed) {
        try {
            return Optional.of(Contact.open(sealed, opener));
        } catch (IllegalArgumentException cannotOpen) {
            return Optional.empty();
        }
    }
}
