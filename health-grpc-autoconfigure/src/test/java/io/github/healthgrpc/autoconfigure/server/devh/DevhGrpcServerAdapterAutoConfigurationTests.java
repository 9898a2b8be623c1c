package io.github.healthgrpc.autoconfigure.server.devh;

import java.util.List;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerAdapterTests;
import io.github.healthgrpc.server.TestGrpcServer;
import io.github.healthgrpc.server.devh.DevhGrpcServer;
import io.github.healthgrpc.server.devh.DevhServerShutdown;
import io.github.healthgrpc.server.devh.UnauthenticatedHealthInterceptor;
import io.grpc.ServerInterceptor;
import net.devh.boot.grpc.server.autoconfigure.GrpcHealthServiceAutoConfiguration;
import net.devh.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration;
import net.devh.boot.grpc.server.interceptor.GlobalServerInterceptorRegistry;
import net.devh.boot.grpc.server.scope.GrpcRequestScope;
import net.devh.boot.grpc.server.service.GrpcServiceDiscoverer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devh adapter: active exactly when devh runs a server, and what it does there.
 */
class DevhGrpcServerAdapterAutoConfigurationTests extends GrpcServerAdapterTests {

	private static final ApplicationContextRunner ADAPTER_ONLY = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, DevhGrpcServerAdapterAutoConfiguration.class))
		.withInitializer((context) -> new DevhHealthServiceEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

	DevhGrpcServerAdapterAutoConfigurationTests() {
		super(TestGrpcServer.DEVH,
				ADAPTER_ONLY
					.withConfiguration(AutoConfigurations.of(GrpcServerAutoConfiguration.class,
							GrpcServerFactoryAutoConfiguration.class, GrpcHealthServiceAutoConfiguration.class))
					.withPropertyValues("grpc.server.port=0", "grpc.server.address=127.0.0.1"),
				ADAPTER_ONLY, DevhGrpcServer.class, DevhServerShutdown.class, "net.devh.",
				"grpc.server.health-service-enabled");
	}

	@Override
	protected void assertHealthBypassesGlobalInterceptors(AssertableApplicationContext context, boolean bypassed) {
		assertThat(context).hasNotFailed();
		if (bypassed) {
			// devh applies global interceptors in order: only devh's request scope, also
			// ORDER_FIRST, may come before health-grpc's, which hands Health calls on.
			List<ServerInterceptor> interceptors = context.getBean(GlobalServerInterceptorRegistry.class)
				.getServerInterceptors();
			int health = interceptors.indexOf(context.getBean(UnauthenticatedHealthInterceptor.class));
			assertThat(health).isNotNegative();
			assertThat(interceptors.subList(0, health)).allMatch(GrpcRequestScope.class::isInstance);
		}
		else {
			assertThat(context).doesNotHaveBean(UnauthenticatedHealthInterceptor.class);
		}
	}

	@Test
	void whenDevhRunsNoServerThenTheAdapterBacksOff() {
		ADAPTER_ONLY.withConfiguration(AutoConfigurations.of(GrpcServerAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GrpcServerAdapter.class);
		});
	}

	@Test
	void whenDevhRunsAServerThenHealthIsRegisteredWithDevhsDiscovery() {
		ADAPTER_ONLY
			.withConfiguration(
					AutoConfigurations.of(GrpcServerAutoConfiguration.class, GrpcServerFactoryAutoConfiguration.class))
			.withPropertyValues("grpc.server.port=0", "grpc.server.address=127.0.0.1",
					"grpc.health.shutdown.drain-delay=0s")
			.run((context) -> assertThat(context.getBean(GrpcServiceDiscoverer.class).findGrpcServices())
				.extracting((service) -> service.getDefinition().getServiceDescriptor().getName())
				.containsExactly(HealthGrpc.SERVICE_NAME));
	}

}
