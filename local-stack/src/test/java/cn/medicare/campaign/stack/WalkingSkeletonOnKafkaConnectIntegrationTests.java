package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.relay.Relay;

/**
 * The walking skeleton on the production path: the connector files of {@code deploy/connect/}
 * submitted unchanged to a Kafka Connect worker in distributed mode through its REST API.
 */
class WalkingSkeletonOnKafkaConnectIntegrationTests extends WalkingSkeletonIntegrationTests {

    @Override
    Relay.Kind relay() {
        return Relay.Kind.CONNECT;
    }
}
