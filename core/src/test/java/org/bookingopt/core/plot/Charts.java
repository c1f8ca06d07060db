package org.bookingopt.core.plot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.bookingopt.core.generate.GeneratedHotel;
import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.testing.Fixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import tools.jackson.databind.JsonNode;

/** Helpers of the chart tests: fixtures as figures, SVG parsed with the JDK's XML parser. */
final class Charts {
    private Charts() {
    }

    static Problem problem(String fixture) {
        return ProblemReader.read(Fixtures.input(fixture)).problem();
    }

    /** The figure of a fixture's reference output for its input. */
    static PlanFigure reference(String fixture) {
        JsonNode result = Fixtures.referenceOutput(fixture);
        return PlanFigure.fromResult(problem(fixture), result, fixture);
    }

    /** A generated hotel with its construction plan as every stay's room, as a problem. */
    static Problem generated(int rooms, int days, long seed) {
        GeneratedHotel hotel = HotelGenerator.generate(GeneratorSettings.builder(rooms, days, 0.85, 3, seed)
                .currentPlan(true).build());
        return ProblemReader.read(hotel.toJsonString()).problem();
    }

    /** The current plan of a problem whose stays all have rooms, as a one-panel figure. */
    static PlanFigure currentPlan(Problem problem, String title) {
        AssignmentProblem assignment = AssignmentProblem.standard(problem);
        return PlanFigure.of(title, RoomPlanChart.of(assignment, assignment.currentPlan(), ChartRestrictions.none(),
                "Current plan"));
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code <g>} elements whose class list contains {@code cssClass}. */
    static List<Element> groups(Document svg, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(g);
            }
        }
        return found;
    }

    /** Writes a chart under {@code target/charts} for people to look at. */
    static Path keep(String name, byte[] bytes) {
        try {
            Path dir = Path.of("target", "charts");
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
