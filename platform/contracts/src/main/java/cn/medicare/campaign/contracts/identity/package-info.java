/**
 * Resident ID numbers (公民身份号码, GB 11643-1999) and how they are kept off the bus.
 *
 * <p>The number is the only identity every agency shares, and a typing error in it enrols the
 * wrong person or nobody, so it is checked strictly at every entry point and the problem is
 * explained in words a township clerk understands. Because it is personal data, services
 * exchange a keyed hash of it ({@link cn.medicare.campaign.contracts.identity.PersonIds}), show it
 * masked, and sealed with the tax adapter's public key
 * ({@link cn.medicare.campaign.contracts.identity.IdNumberSealer}), which only the tax adapter can
 * open ({@link cn.medicare.campaign.contracts.identity.IdNumberOpener}); no message of this package
 * ever repeats a full number.
 */
package cn.medicare.campaign.contracts.identity;
