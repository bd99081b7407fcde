package org.labelsr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the compiled classes
 * (so a fully qualified name or a lambda counts as much as an import).
 * The adapters are the command line, the Fiji plugin and the cluster job;
 * everything else is the core.
 */
class ArchitectureTest {

	static final String[] ADAPTERS = { "org.labelsr.cli..", "org.labelsr.fiji..", "org.labelsr.spark.." };

	private static JavaClasses classes;

	@BeforeAll
	static void load() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.labelsr");
	}

	@Test
	void theCoreDoesNotImportTheAdapters() {
		noClasses().that().resideOutsideOfPackages(ADAPTERS)
			.should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
			.because("the science lives in a core free of any user interface")
			.check(classes);
	}

	@Test
	void theCommandLineDoesNotImportTheOtherAdapters() {
		noClasses().that().resideInAPackage("org.labelsr.cli..")
			.should().dependOnClassesThat().resideInAnyPackage("org.labelsr.fiji..", "org.labelsr.spark..")
			.because("adapters are thin layers over core entry points, never over each other")
			.check(classes);
	}

	@Test
	void fijiDoesNotImportTheOtherAdapters() {
		noClasses().that().resideInAPackage("org.labelsr.fiji..")
			.should().dependOnClassesThat().resideInAnyPackage("org.labelsr.cli..", "org.labelsr.spark..")
			.because("adapters are thin layers over core entry points, never over each other")
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("org.labelsr.(**)").should().beFreeOfCycles().check(classes);
	}
}
