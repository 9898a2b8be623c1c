package io.github.healthgrpc.autoconfigure.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.file.HealthFile;
import io.github.healthgrpc.file.HealthFileContent;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The health file's auto-configuration: off by default, written at startup when
 * {@code grpc.health.file.path} is set, backing off, and stopping startup with the
 * property's name and the fix when the file could never be written.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthFileAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class, HealthFileAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@TempDir
	private Path directory;

	@Test
	void thereIsNoHealthFileByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthFile.class));
	}

	@Test
	void thereIsNoHealthFileWhileHealthGrpcIsDisabled() {
		this.contextRunner.withPropertyValues("grpc.health.enabled=false", "grpc.health.file.path=" + file())
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthFile.class));
		assertThat(file()).doesNotExist();
	}

	@Test
	void withThePathSetTheFileIsWrittenAtStartupReadableByEveryUserAndNotServingDuringWarmUp() throws IOException {
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + file()).run((context) -> {
			assertThat(context).hasSingleBean(HealthFile.class);
			assertThat(context.getBean(HealthFile.class).getPath()).isEqualTo(file());
			HealthFileContent content = HealthFileContent.read(file());
			assertThat(content.status()).isEqualTo("NOT_SERVING");
			assertThat(content.services()).containsOnlyKeys("", "liveness", "readiness");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-r--r--");
		});
		// No temporary file is left behind.
		try (var files = Files.list(this.directory)) {
			assertThat(files).containsExactly(file());
		}
	}

	@Test
	void temporaryFilesThatACrashLeftAreRemovedWhenTheApplicationStarts(CapturedOutput output) throws IOException {
		Path leftover = Files.writeString(this.directory.resolve(".health.json.4242.tmp"), "{\"status\":\"SERV");
		Path unrelated = Files.writeString(this.directory.resolve(".health.json.backup.tmp"), "mine");
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + file()).run((context) -> {
			assertThat(context).hasSingleBean(HealthFile.class);
			assertThat(leftover).doesNotExist();
			assertThat(unrelated).exists();
			assertThat(HealthFileContent.read(file()).status()).isEqualTo("NOT_SERVING");
		});
		assertThat(output).contains("Removed temporary files of gRPC health file " + file()
				+ " left by an earlier run: [.health.json.4242.tmp]");
	}

	@Test
	void aRelativePathIsAFileInTheWorkingDirectory() {
		this.contextRunner.withPropertyValues("grpc.health.file.path=target/health-file-tests.json").run((context) -> {
			assertThat(context.getBean(HealthFile.class).getPath())
				.isEqualTo(Path.of("target/health-file-tests.json").toAbsolutePath());
			assertThat(Path.of("target/health-file-tests.json")).exists();
		});
	}

	@Test
	void theHealthFileBacksOffForTheApplicationsOwn() {
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + file())
			.withBean("ownHealthFile", HealthFile.class,
					() -> new HealthFile(new StatusStore(), this.directory.resolve("own.json"), Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).getBean(HealthFile.class)
				.extracting(HealthFile::getPath)
				.isEqualTo(this.directory.resolve("own.json")));
	}

	@Test
	void aDirectoryThatDoesNotExistStopsStartupNamingTheDirectoryAndTheFix() {
		Path missing = this.directory.resolve("missing");
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + missing.resolve("health.json"))
			.run((context) -> assertInvalid(context, "Its directory " + missing + " does not exist. Create it, or set "
					+ "grpc.health.file.path to a file in a directory that exists. In Kubernetes, mount a volume"));
	}

	@Test
	void aPathThatIsADirectoryStopsStartup() {
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + this.directory)
			.run((context) -> assertInvalid(context, "It is a directory. Set it to the path of a file in that "
					+ "directory, such as " + this.directory.resolve("health.json")));
	}

	@Test
	void aPathUnderARegularFileStopsStartup() throws IOException {
		Path regular = Files.createFile(this.directory.resolve("regular"));
		this.contextRunner.withPropertyValues("grpc.health.file.path=" + regular.resolve("health.json"))
			.run((context) -> assertInvalid(context, "Its parent " + regular + " is not a directory."));
	}

	@Test
	void aDirectoryThatCannotBeWrittenStopsStartup() {
		// The tests may run as root, who may write to any directory a mode forbids;
		// nobody may create a file in /proc.
		assumeThat(Path.of("/proc")).isDirectory();
		this.contextRunner.withPropertyValues("grpc.health.file.path=/proc/health.json")
			.run((context) -> assertInvalid(context, "Its directory /proc cannot be written ("));
	}

	@Test
	void anEmptyPathStopsStartup() {
		this.contextRunner.withPropertyValues("grpc.health.file.path=")
			.run((context) -> assertInvalid(context, "It is empty. Set it to the path of a file"));
	}

	@Test
	void aHeartbeatIntervalThatIsNotPositiveStopsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("grpc.health.file.path=" + file(), "grpc.health.file.heartbeat-interval=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(find(context.getStartupFailure())).satisfies((failure) -> {
					assertThat(failure.getName()).isEqualTo("grpc.health.file.heartbeat-interval");
					assertThat(failure.getReason()).contains("It must be a positive duration.");
				});
			});
	}

	@Test
	void aDirectoryThatDoesNotExistIsReportedBySpringBootsFailureAnalyzer(CapturedOutput output) {
		Path missing = this.directory.resolve("missing").resolve("health.json");
		SpringApplication application = new SpringApplication(HealthFileApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		assertThatException().isThrownBy(() -> application.run("--grpc.health.file.path=" + missing).close());
		assertThat(output)
			.contains("Invalid value '" + missing + "' for configuration property 'grpc.health.file.path' "
					+ "(originating from '\"grpc.health.file.path\" from property source \"commandLineArgs\"')")
			.contains("Its directory " + missing.getParent() + " does not exist.");
	}

	private Path file() {
		return this.directory.resolve("health.json");
	}

	private static void assertInvalid(AssertableApplicationContext context, String reason) {
		assertThat(context).hasFailed();
		InvalidConfigurationPropertyValueException failure = find(context.getStartupFailure());
		assertThat(failure.getName()).isEqualTo("grpc.health.file.path");
		assertThat(failure.getReason()).contains(reason);
	}

	private static InvalidConfigurationPropertyValueException find(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isInstanceOf(InvalidConfigurationPropertyValueException.class);
		return (InvalidConfigurationPropertyValueException) cause;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HealthGrpcAutoConfiguration.class, HealthFileAutoConfiguration.class })
	static class HealthFileApplication {

	}

}
