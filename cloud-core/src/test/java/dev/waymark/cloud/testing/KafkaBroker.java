package dev.waymark.cloud.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka (KRaft) broker in the JVM for one test class: one combined broker-and-controller node, started before
 * the class and stopped after it (DESIGN.md section 12). Register it as a static field with
 * {@code @RegisterExtension}; give each test its own topic and groups.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {

    private KafkaClusterTestKit cluster;

    /** The broker's {@code host:port}, once started. */
    public String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("KafkaBroker is not started: register it with @RegisterExtension");
        }
        return cluster.bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build();
        // One broker cannot hold the three copies the internal topics ask for by default: without these the
        // consumer groups never form.
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
