package dev.kompose.e2e;

import org.junit.jupiter.api.Tag;

/** Database tools in the stack's container with Docker Compose v2 (detected by kompose). */
@Tag("e2e")
class ContainerToolsV2EndToEndTest extends ContainerToolsScenarios {
    @Override
    ComposeFlavour flavour() {
        return ComposeFlavour.V2;
    }
}
