package be.venpmg.nestkaart.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Ids;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.SafeMarkdown;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

/**
 * Online learning material the network hosts: a course's lessons and the short check of its learning goals. A
 * signed-in professional's progress is kept (lessons read, checks taken); passing the check records the course's
 * completion, which counts as evidence exactly as a provider's completion list would (the rules decide).
 */
@Singleton
public class OnlineLearning {
    /** Where lesson images live: only the site's own files, so reading a lesson tells no other server. */
    static final String IMAGE_PATH = "/static/lessen/";
    private final JdbcOperations jdbc;
    private final CourseCatalog catalog;
    private final Completions completions;
    private final SafeMarkdown markdown;
    private final Clock clock;
    private final double passRatio;
    private final Set<String> videoHosts;

    OnlineLearning(JdbcOperations jdbc, CourseCatalog catalog, Completions completions, SafeMarkdown markdown,
                   Clock clock, @Value("${nestkaart.learning.pass-ratio}") double passRatio,
                   @Value("${nestkaart.learning.video-hosts}") List<String> videoHosts) {
        if (passRatio <= 0 || passRatio > 1) {
            throw new IllegalArgumentException("nestkaart.learning.pass-ratio must lie in (0, 1]");
        }
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.completions = completions;
        this.markdown = markdown;
        this.clock = clock;
        this.passRatio = passRatio;
        this.videoHosts = Set.copyOf(videoHosts);
    }

    @Serdeable
    public record Lesson(String id, int number, String title, String html, @Nullable String videoUrl,
                         @Nullable String videoHost, boolean read) {
    }

    @Serdeable
    public record Question(String id, String question, List<String> options) {
    }

    /** A course's module as one professional sees it. */
    @Serdeable
    public record Module(String courseId, String courseName, List<Lesson> lessons, int lessonsRead, int questions,
                         int toPass, boolean passed, @Nullable LocalDate completedOn) {
    }

    @Serdeable
    public record Feedback(String question, @Nullable String answer, boolean right, String rightAnswer,
                           @Nullable String explanation) {
    }

    @Serdeable
    public record Result(int correct, int asked, int toPass, boolean passed,
                         @JsonInclude(ALWAYS) List<Feedback> feedback,
                         @Nullable Completion completion) {
    }

    /** The number of lessons per published course that has any (the catalogue shows "online module"). */
    @ReadOnly
    public Map<String, Integer> lessonCounts() {
        return jdbc.prepareStatement("SELECT l.course_id, COUNT(*) FROM course_lesson l JOIN public_course k "
                + "ON k.id = l.course_id GROUP BY l.course_id", s -> {
            Map<String, Integer> counts = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    @ReadOnly
    public Module module(String courseId, @Nullable String professionalId) {
        Course course = catalog.course(courseId).orElseThrow(() -> new NotFoundException("course", courseId));
        Set<String> read = professionalId == null ? Set.of() : readLessons(professionalId, courseId);
        List<Lesson> lessons = new ArrayList<>();
        jdbc.prepareStatement("SELECT id, title, body, video_url FROM course_lesson WHERE course_id = ? "
                + "ORDER BY position IS NULL, position, id", s -> {
            s.setString(1, courseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String video = allowedVideo(rs.getString(4));
                    lessons.add(new Lesson(rs.getString(1), lessons.size() + 1, rs.getString(2),
                            markdown.htmlWithOwnImages(rs.getString(3), IMAGE_PATH), video,
                            video == null ? null : URI.create(video).getHost(), read.contains(rs.getString(1))));
                }
            }
            return null;
        });
        if (lessons.isEmpty()) {
            throw new NotFoundException("online module of course", courseId);
        }
        int questions = questions(courseId).size();
        LocalDate completed = professionalId == null ? null : completedOn(professionalId, courseId);
        return new Module(courseId, course.name(), lessons, (int) lessons.stream().filter(Lesson::read).count(),
                questions, toPass(questions), completed != null, completed);
    }

    @Transactional
    public Module markRead(String courseId, String lessonId, String professionalId) {
        int found = jdbc.prepareStatement("INSERT IGNORE INTO lesson_progress (professional_id, lesson_id, read_at) "
                + "SELECT ?, l.id, ? FROM course_lesson l JOIN public_course k ON k.id = l.course_id "
                + "WHERE l.id = ? AND l.course_id = ?", s -> {
            s.setString(1, professionalId);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setString(3, lessonId);
            s.setString(4, courseId);
            return s.executeUpdate();
        });
        Module module = module(courseId, professionalId);
        if (found == 0 && module.lessons().stream().noneMatch(l -> l.id().equals(lessonId))) {
            throw new NotFoundException("lesson", lessonId);
        }
        return module;
    }

    /** The check's questions, each with its answers in a fixed shuffled order; never which one is right. */
    @ReadOnly
    public List<Question> check(String courseId, String professionalId) {
        Module module = module(courseId, professionalId);
        requireLessonsRead(module);
        return questions(courseId).stream().map(q -> new Question(q.id(), q.question(), q.options())).toList();
    }

    /** Marks the answers; a pass records the completion (once) and so the evidence the rules count. */
    @Transactional
    public Result submit(String courseId, @Nullable Map<String, String> answers, CurrentAccount professional) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidParameterException("answers", "give an answer per question id");
        }
        String me = professional.professionalId();
        Module module = module(courseId, me);
        requireLessonsRead(module);
        List<StoredQuestion> questions = questions(courseId);
        if (questions.isEmpty()) {
            throw RequestRefusedException.conflict("Deze module heeft (nog) geen toets.");
        }
        Map<String, String> given = answers;
        List<Feedback> feedback = new ArrayList<>();
        int correct = 0;
        for (StoredQuestion q : questions) {
            String answer = given.get(q.id());
            boolean right = answer != null && answer.strip().equals(q.right());
            correct += right ? 1 : 0;
            feedback.add(new Feedback(q.question(), answer, right, q.right(), q.explanation()));
        }
        int toPass = toPass(questions.size());
        boolean passed = correct >= toPass;
        record(me, courseId, correct, questions.size(), passed);
        Completion completion = null;
        if (passed && module.completedOn() == null) {
            completion = completions.record(courseId, List.of(new Completions.Entry(me,
                    LocalDate.now(clock).toString(), "Online toets Nestkaart: " + correct + "/" + questions.size())),
                    professional).get(0);
        }
        return new Result(correct, questions.size(), toPass, passed, feedback, completion);
    }

    private int toPass(int questions) {
        return (int) Math.ceil(questions * passRatio - 1e-9);
    }

    private static void requireLessonsRead(Module module) {
        if (module.lessonsRead() < module.lessons().size()) {
            throw RequestRefusedException.conflict("Lees eerst alle lessen (" + module.lessonsRead() + " van "
                    + module.lessons().size() + " gelezen).");
        }
    }

    private void record(String professionalId, String courseId, int correct, int asked, boolean passed) {
        jdbc.prepareStatement("INSERT INTO check_attempt (id, professional_id, course_id, correct, asked, passed, "
                + "taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, Ids.newId());
            s.setString(2, professionalId);
            s.setString(3, courseId);
            s.setInt(4, correct);
            s.setInt(5, asked);
            s.setBoolean(6, passed);
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            return s.executeUpdate();
        });
    }

    private @Nullable String allowedVideo(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return "https".equals(uri.getScheme()) && videoHosts.contains(uri.getHost()) ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record StoredQuestion(String id, String question, String right, List<String> wrong,
                                  @Nullable String explanation) {
        /** The answers in an order fixed per question (not the order written, where the right one comes first). */
        List<String> options() {
            List<String> all = new ArrayList<>(wrong);
            all.add(right);
            all.sort(Comparator.comparingInt(o -> (id + o).hashCode()));
            return all;
        }
    }

    private List<StoredQuestion> questions(String courseId) {
        return jdbc.prepareStatement("SELECT id, question, right_answer, wrong_answers, explanation FROM course_question "
                + "WHERE course_id = ? ORDER BY position IS NULL, position, id", s -> {
            s.setString(1, courseId);
            List<StoredQuestion> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> wrong = Arrays.stream(rs.getString(4).split("\\R")).map(String::strip)
                            .filter(w -> !w.isEmpty()).distinct().toList();
                    found.add(new StoredQuestion(rs.getString(1), rs.getString(2), rs.getString(3).strip(), wrong,
                            rs.getString(5)));
                }
            }
            return found;
        });
    }

    private Set<String> readLessons(String professionalId, String courseId) {
        return jdbc.prepareStatement("SELECT p.lesson_id FROM lesson_progress p JOIN course_lesson l ON l.id = p.lesson_id "
                + "WHERE p.professional_id = ? AND l.course_id = ?", s -> {
            s.setString(1, professionalId);
            s.setString(2, courseId);
            Set<String> read = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    read.add(rs.getString(1));
                }
            }
            return read;
        });
    }

    private @Nullable LocalDate completedOn(String professionalId, String courseId) {
        return jdbc.prepareStatement("SELECT MAX(completed_on) FROM course_completion WHERE professional_id = ? "
                + "AND course_id = ?", s -> {
            s.setString(1, professionalId);
            s.setString(2, courseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                java.sql.Date day = rs.getDate(1);
                return day == null ? null : day.toLocalDate();
            }
        });
    }
}
