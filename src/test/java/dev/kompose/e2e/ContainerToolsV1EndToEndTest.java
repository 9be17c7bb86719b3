package dev.kompose.e2e;

import org.junit.jupiter.api.Tag;

/** Database tools in the stack's container with Docker Compose v1 (docker-compose). */
@Tag("e2e")
class ContainerToolsV1EndToEndTest extends ContainerToolsScenarios {
    @Override
    ComposeFlavour flavour() {
        return ComposeFlavour.V1;
    }
}
