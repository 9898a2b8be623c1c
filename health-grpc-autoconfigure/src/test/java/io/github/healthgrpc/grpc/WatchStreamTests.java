package io.github.healthgrpc.grpc;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a Watch stream whose transport cannot take more holds one pending status
 * instead of a backlog, and sends only the latest one when the transport is ready again.
 */
class WatchStreamTests {

	private static final int FLIPS = 10_000;

	private volatile ServingStatus current = ServingStatus.SERVING;

	private final FakeWatchObserver call = new FakeWatchObserver(false);

	private final WatchStream stream = new WatchStream("demo.Inventory", null, this.call, (service) -> this.current);

	@Test
	void theFirstMessageGoesOutEvenIfTheTransportIsNotReady() {
		this.stream.start();
		assertThat(this.call.sent()).containsExactly(ServingStatus.SERVING);
	}

	@Test
	void aReaderThatCannotTakeMoreGetsOnlyTheLatestStatusOnceItCan() {
		this.stream.start();
		flip(FLIPS + 1);
		assertThat(this.call.sent()).containsExactly(ServingStatus.SERVING);
		this.call.setOnReadyHandler(this.stream::flush);
		this.call.becomeReady();
		assertThat(this.current).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(this.call.sent()).containsExactly(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
	}

	@Test
	void aReaderThatAlreadyHasTheLatestStatusGetsNothingMoreOnceItCan() {
		this.stream.start();
		flip(FLIPS);
		this.call.setOnReadyHandler(this.stream::flush);
		this.call.becomeReady();
		assertThat(this.current).isEqualTo(ServingStatus.SERVING);
		assertThat(this.call.sent()).containsExactly(ServingStatus.SERVING);
	}

	@Test
	void aReadyReaderGetsEveryChange() {
		this.call.becomeReady();
		this.stream.start();
		flip(3);
		assertThat(this.call.sent()).containsExactly(ServingStatus.SERVING, ServingStatus.NOT_SERVING,
				ServingStatus.SERVING, ServingStatus.NOT_SERVING);
	}

	private void flip(int times) {
		for (int i = 0; i < times; i++) {
			this.current = (this.current == ServingStatus.SERVING) ? ServingStatus.NOT_SERVING : ServingStatus.SERVING;
			this.stream.statusChanged();
		}
	}

}
