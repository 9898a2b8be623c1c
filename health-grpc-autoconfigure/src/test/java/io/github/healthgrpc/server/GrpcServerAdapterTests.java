package io.github.healthgrpc.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import net.devh.boot.grpc.server.service.GrpcService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The conditions and the work every server adapter must pass, on a real server on a
 * random loopback port; each adapter runs them through a subclass, which adds the
 * conditions of its own server.
 */
public abstract class GrpcServerAdapterTests {

	private static final String INVENTORY = "demo.Inventory";

	private final TestGrpcServer server;

	private final ApplicationContextRunner runner;

	private final ApplicationContextRunner adapterOnly;

	private final Class<? extends GrpcServerAdapter> adapterType;

	private final Class<? extends EndWatchesOnServerShutdown<?>> shutdownListenerType;

	private final String classPathPrefix;

	private final String ownHealthProperty;

	/**
	 * Create the tests for one adapter.
	 * @param server the server, for the port it listens on
	 * @param runner a runner with health-grpc, the server's auto-configuration and the
	 * adapter, the server on a random loopback port
	 * @param adapterOnly a runner with health-grpc and the adapter, without the server
	 * @param adapterType the adapter's {@link GrpcServerAdapter}
	 * @param shutdownListenerType the adapter's listener for its server's shutdown event
	 * @param classPathPrefix the package prefix of the server's classes
	 * @param ownHealthProperty the property that switches the server's own health service
	 * on
	 */
	protected GrpcServerAdapterTests(TestGrpcServer server, ApplicationContextRunner runner,
			ApplicationContextRunner adapterOnly, Class<? extends GrpcServerAdapter> adapterType,
			Class<? extends EndWatchesOnServerShutdown<?>> shutdownListenerType, String classPathPrefix,
			String ownHealthProperty) {
		this.server = server;
		this.runner = runner.withPropertyValues("grpc.health.shutdown.drain-delay=0s")
			.withUserConfiguration(InventoryService.class);
		this.adapterOnly = adapterOnly.withPropertyValues("grpc.health.shutdown.drain-delay=0s");
		this.adapterType = adapterType;
		this.shutdownListenerType = shutdownListenerType;
		this.classPathPrefix = classPathPrefix;
		this.ownHealthProperty = ownHealthProperty;
	}

	/**
	 * Assert whether calls to {@code grpc.health.v1.Health} skip the server's global
	 * interceptors, the way the adapter arranges it.
	 * @param context the started context
	 * @param bypassed whether they must skip them
	 */
	protected abstract void assertHealthBypassesGlobalInterceptors(AssertableApplicationContext context,
			boolean bypassed);

	@Test
	void whenTheServerRunsThenTheAdapterIsActiveAndEveryServiceTheServerBindsIsKnown() {
		AtomicInteger port = new AtomicInteger();
		this.runner.withBean(ApplicationListener.class, () -> this.server.portListener(port)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(this.adapterType);
			// Known from the started server alone: no mapping names them.
			assertThat(context.getBean(StatusStore.class).statuses()).containsKeys(INVENTORY, HealthGrpc.SERVICE_NAME);
			assertThat(check(port.get(), INVENTORY)).isEqualTo(ServingStatus.NOT_SERVING);
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check(port.get(), "demo.Unbound"))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		});
	}

	@Test
	void whenTheServerRunsThenTheAdapterListensForItsShutdownToEndWatchCalls() {
		// Without it a context stop (no drain) would leave Watch calls open for the whole
		// grace period: ServerShutdownEdgeCasesTests proves what the listener does.
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(EndWatchesOnServerShutdown.class);
			assertThat(context).getBean(EndWatchesOnServerShutdown.class).isInstanceOf(this.shutdownListenerType);
			assertThat(context.getBeanNamesForType(EndWatchesOnServerShutdown.class)).singleElement()
				.asString()
				.startsWith("healthGrpc");
		});
	}

	@Test
	void whenTheServerIsNotOnTheClassPathThenTheAdapterBacksOff() {
		this.adapterOnly.withClassLoader(new FilteredClassLoader(this.classPathPrefix)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GrpcServerAdapter.class);
			assertThat(context).doesNotHaveBean(EndWatchesOnServerShutdown.class);
			assertThat(context).hasSingleBean(HealthGrpcService.class);
		});
	}

	@Test
	void whenHealthGrpcIsDisabledThenTheAdapterBacksOff() {
		this.runner.withPropertyValues("grpc.health.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GrpcServerAdapter.class);
			assertThat(context).doesNotHaveBean(EndWatchesOnServerShutdown.class);
			assertThat(context).doesNotHaveBean(HealthGrpcService.class);
		});
	}

	@Test
	void byDefaultHealthCallsBypassTheServersGlobalInterceptors() {
		this.runner.run((context) -> assertHealthBypassesGlobalInterceptors(context, true));
	}

	@Test
	void whenUnauthenticatedHealthIsNotAllowedThenHealthCallsGoThroughTheServersGlobalInterceptors() {
		this.runner.withPropertyValues("grpc.health.security.allow-unauthenticated=false")
			.run((context) -> assertHealthBypassesGlobalInterceptors(context, false));
	}

	@Test
	void whenTheApplicationDefinesItsOwnHealthGrpcServiceThenTheServerServesThatOne() {
		AtomicInteger port = new AtomicInteger();
		StatusStore userStore = new StatusStore();
		userStore.defineServices(Map.of(StatusStore.OVERALL, Set.of(), "user.Only", Set.of()));
		this.runner.withBean(ApplicationListener.class, () -> this.server.portListener(port))
			.withBean("userHealthGrpcService", HealthGrpcService.class, () -> new HealthGrpcService(userStore, 100))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(HealthGrpcService.class);
				assertThat(context).doesNotHaveBean("healthGrpcService");
				// Only the application's service knows user.Only.
				assertThat(check(port.get(), "user.Only")).isEqualTo(ServingStatus.NOT_SERVING);
			});
	}

	@Test
	void whenTheServersOwnHealthServiceIsSwitchedOnThenStartupFailsNamingBothProperties() {
		this.runner.withPropertyValues(this.ownHealthProperty + "=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(this.ownHealthProperty);
					assertThat(invalid.getReason()).contains("grpc.health.enabled");
				});
		});
	}

	@Test
	void whenServiceIsMappedInLowerCaseThenTheNamesTheServerBindsRestoreTheCase() {
		// Environment variables cannot carry capitals:
		// GRPC_HEALTH_SERVICES_DEMO_INVENTORY_INCLUDE.
		this.runner.withBean(ManualHealthCheck.class, () -> new ManualHealthCheck("cache"))
			.withPropertyValues("grpc.health.services.demo.inventory.include=cache")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StatusStore store = context.getBean(StatusStore.class);
				assertThat(store.health(INVENTORY).checks()).containsOnlyKeys("cache");
				assertThat(store.statuses()).doesNotContainKey("demo.inventory");
			});
	}

	private static ServingStatus check(int port, String service) throws InterruptedException {
		ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		try {
			return HealthCheckCall.check(channel, service);
		}
		finally {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * {@code demo.Inventory}, bound by either server: Spring Boot's binds every
	 * BindableService bean, devh the {@code @GrpcService} ones.
	 */
	@Configuration(proxyBeanMethods = false)
	static class InventoryService {

		@Bean
		@GrpcService
		BindableService inventoryService() {
			return () -> ServerServiceDefinition.builder(INVENTORY).build();
		}

	}

}
