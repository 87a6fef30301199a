/**
 * Event payloads of EVENTS.md, one record per event type, and their one JSON mapping.
 *
 * <p>The records are the contract in code: compact constructors reject missing required fields
 * and normalise amounts to yuan with two decimals, so a producer cannot publish what the JSON
 * Schema in {@code /schemas} would refuse. Amounts are strings on the wire because other agencies'
 * systems must not read money as floating point.
 */
package cn.medicare.campaign.contracts.events;
