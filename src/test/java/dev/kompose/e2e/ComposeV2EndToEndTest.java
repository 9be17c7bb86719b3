package dev.kompose.e2e;

import org.junit.jupiter.api.Tag;

/** The e2e scenarios with Docker Compose v2, which kompose detects itself (KOMPOSE_COMPOSE empty). */
@Tag("e2e")
class ComposeV2EndToEndTest extends DirectusFlowScenarios {
    @Override
    ComposeFlavour flavour() {
        return ComposeFlavour.V2;
    }
}
