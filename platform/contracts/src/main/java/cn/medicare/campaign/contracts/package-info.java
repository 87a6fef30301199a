/**
 * The suite's public contracts: topic names, record headers, event payloads, their JSON Schemas,
 * the code lists and the resident-ID rules. Every service depends on this module and nothing
 * else of another service, so a contract changes in one place and only by adding optional fields.
 */
package cn.medicare.campaign.contracts;
