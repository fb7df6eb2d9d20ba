package dev.waymark.provisioning;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on SQLite, the standalone service's file. */
class JdbcDeviceRegistryTest extends DeviceRegistryContract {

    @TempDir
    Path dir;

    @Override
    DeviceRegistry open() {
        return JdbcDeviceRegistry.open(dir.resolve("registry.db"));
    }
}
