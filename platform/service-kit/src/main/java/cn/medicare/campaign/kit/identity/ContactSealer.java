package cn.medicare.campaign.kit.identity;

import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;

/**
 * Seals residents' names and phones for the reporting service ({@link Contact}); configured with the
 * public half of its key pair only ({@code insurance.identity.contact-sealing-key-id},
 * {@code insurance.identity.contact-sealing-public-key}).
 */
public final class ContactSealer {

    private final IdNumberSealer sealer;

    ContactSealer(IdNumberSealer sealer) {
        this.sealer = sealer;
    }

    public String seal(String name, String phone) {
        return new Contact(name, phone).sealWith(sealer);
    }
}
