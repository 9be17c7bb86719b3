package dev.kompose.e2e;

import org.junit.jupiter.api.Tag;

/** The e2e scenarios with docker-compose v1 (KOMPOSE_COMPOSE=docker-compose). */
@Tag("e2e")
class ComposeV1EndToEndTest extends DirectusFlowScenarios {
    @Override
    ComposeFlavour flavour() {
        return ComposeFlavour.V1;
    }
}
