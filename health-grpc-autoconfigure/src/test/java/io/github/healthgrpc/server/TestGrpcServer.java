package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The gRPC servers that health-grpc supports, as the end-to-end tests start them: both
 * are on this module's test class path, so each switches the other off, and listens on a
 * random loopback port.
 */
public enum TestGrpcServer {

	/**
	 * devh's gRPC server, with Spring Boot's switched off.
	 */
	DEVH("grpc.server.shutdown-grace-period", "grpc.server.port=0", "grpc.server.address=127.0.0.1",
			"spring.grpc.server.enabled=false") {

		@Override
		ApplicationListener<?> portListener(AtomicInteger port) {
			return (ApplicationListener<net.devh.boot.grpc.server.event.GrpcServerStartedEvent>) (event) -> port
				.set(event.getPort());
		}

	},

	/**
	 * Spring Boot's own gRPC server, with devh's auto-configurations excluded.
	 */
	BOOT("spring.grpc.server.shutdown.grace-period", "spring.grpc.server.port=0",
			"spring.grpc.server.address=127.0.0.1", "spring.autoconfigure.exclude=" + devhServerAutoConfigurations()) {

		@Override
		ApplicationListener<?> portListener(AtomicInteger port) {
			return (ApplicationListener<org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent>) (
					event) -> port.set(event.getPort());
		}

	};

	private final String gracePeriodProperty;

	private final String[] properties;

	TestGrpcServer(String gracePeriodProperty, String... properties) {
		this.gracePeriodProperty = gracePeriodProperty;
		this.properties = properties;
	}

	/**
	 * The property that bounds how long the server waits for calls left open when it
	 * stops.
	 * @return the property name
	 */
	public String gracePeriodProperty() {
		return this.gracePeriodProperty;
	}

	/**
	 * Start an application without a web server on this gRPC server.
	 * @param configuration the application's configuration
	 * @param properties more properties
	 * @return the started application and the port its gRPC server listens on
	 */
	public Started start(Class<?> configuration, String... properties) {
		return start(application(configuration).properties(properties));
	}

	/**
	 * Start an application made by {@link #application(Class...)}.
	 * @param application the application
	 * @return the started application and the port its gRPC server listens on
	 */
	public Started start(SpringApplicationBuilder application) {
		AtomicInteger port = new AtomicInteger();
		ConfigurableApplicationContext context = application.listeners(portListener(port)).run();
		return new Started(context, port);
	}

	/**
	 * An application without a web server on this gRPC server, not started yet. The
	 * server's properties are default properties: anything else overrides them.
	 * @param sources the application's configuration
	 * @return the application
	 */
	public SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.bannerMode(Banner.Mode.OFF)
			.properties(this.properties);
	}

	abstract ApplicationListener<?> portListener(AtomicInteger port);

	private static String devhServerAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, TestGrpcServer.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("net.devh.boot.grpc.server."))
			.collect(Collectors.joining(","));
	}

	/**
	 * A started application and the port its gRPC server listens on.
	 */
	public static final class Started implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final AtomicInteger port;

		Started(ConfigurableApplicationContext context, AtomicInteger port) {
			this.context = context;
			this.port = port;
		}

		/**
		 * The started application's context.
		 * @return the context
		 */
		public ConfigurableApplicationContext context() {
			return this.context;
		}

		/**
		 * The port the server listens on since it last started. With an asynchronous
		 * event multicaster its started event may still be on its way: this waits for it.
		 * @return the port
		 */
		public int port() {
			return await().atMost(Duration.ofSeconds(30)).until(this.port::get, (port) -> port > 0);
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
