package org.bookingopt.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpClient;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;

/** Charts and the channel-manager CSV of a completed job. */
class JobArtifactsTest extends WebTestBase {

    private byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void aCompletedJobIsDrawnAsPngAndSvgAndItsRestrictionsAreACsv() throws Exception {
        String id = submitOk(Fixtures.text("sample1.json"), "artifacts");
        awaitFinished(id);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(bytes("/api/v1/jobs/" + id + "/plot.png")));
        assertThat(png.getWidth()).isGreaterThan(300);
        String svg = new String(bytes("/api/v1/jobs/" + id + "/plot.svg?plan=optimized"));
        assertThat(svg).startsWith("<?xml").contains("<svg");
        assertThat(svg.split("class=\"stay ", -1)).hasSize(10); // nine stays
        Response csv = get("/api/v1/jobs/" + id + "/restrictions.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("Scope,RoomType,From,To").contains("all,,2021-03-03,2021-03-03,1,1,6");
    }

    @Test
    void aFailedRunHasNoChartAndABadOrMissingPlanIsRefused() {
        String infeasible = submitOk(Fixtures.text("sample_infeas.json"), "artifacts");
        awaitFinished(infeasible);
        Response noChart = get("/api/v1/jobs/" + infeasible + "/plot.png");
        assertThat(noChart.status()).isEqualTo(404);
        assertThat(noChart.contentType()).startsWith("application/problem+json");

        String id = submitOk(Fixtures.text("sample1.json"), "artifacts");
        awaitFinished(id);
        assertThat(get("/api/v1/jobs/" + id + "/plot.svg?plan=sideways").status()).isEqualTo(400);
        Response noInitialPlan = get("/api/v1/jobs/" + id + "/plot.png?plan=initial"); // sample1 has no current plan
        assertThat(noInitialPlan.status()).isEqualTo(404);
        assertThat(noInitialPlan.body()).contains("has no initial plan to draw");
    }
}
