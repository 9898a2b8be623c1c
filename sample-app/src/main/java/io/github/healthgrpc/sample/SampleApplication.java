package io.github.healthgrpc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sample application: {@code demo.Greeter} and {@code demo.Inventory} on the gRPC
 * server, their health on {@code grpc.health.v1.Health} and {@code /actuator/health}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Start the sample.
	 * @param args the command line arguments, such as {@code --grpc.server.port=9191}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
