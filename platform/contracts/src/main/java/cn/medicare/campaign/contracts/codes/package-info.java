/**
 * The code lists of EVENTS.md. Constant names are the codes written on the bus, so renaming a
 * constant is a breaking change of every topic that carries it.
 */
package cn.medicare.campaign.contracts.codes;
