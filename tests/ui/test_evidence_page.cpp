// Evidence in the workbench: attached off the UI thread from a drop, a paste or a dialog, counted in the
// editor and the dimension list, listed and filtered on the Evidence page with thumbnails of raster images
// only, removed and restored as undoable steps, and carried by a .mwz package to another database.
#include "editor_page.hpp"
#include "evidence_dialog.hpp"
#include "evidence_list.hpp"
#include "evidence_page.hpp"
#include "password_typer.hpp"
#include "workbench_fixture.hpp"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>

#include <SQLiteCpp/Database.h>

#include <fstream>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

namespace {

QString writePng(const test::TempDir& dir, const std::string& name) {
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(30, 90, 160));
    const QString path = QString::fromStdString((dir / name).string());
    REQUIRE(image.save(path, "PNG"));
    return path;
}

QString writeText(const test::TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    return QString::fromStdString(path.string());
}

// Drops the files on a widget as a file manager would.
void drop(QWidget* target, const QStringList& files) {
    QMimeData data;
    QList<QUrl> urls;
    for (const auto& f : files)
        urls << QUrl::fromLocalFile(f);
    data.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
}

std::vector<Evidence> stored(DemoWorkbench& bench, bool removedToo = false) {
    auto all = bench.workspace.app().store().evidence(2, removedToo);
    REQUIRE(all.has_value());
    return *all;
}

} // namespace

TEST_CASE("a file dropped on the question is attached to it off the UI thread and counted",
          "[ui][evidence]") {
    DemoWorkbench bench;
    EvidenceList* list = bench.doc()->evidence();
    const std::string question = bench.doc()->currentQuestion().id;
    const QString photo = writePng(bench.dir, "control-room.png");
    QSignalSpy done(list, &EvidenceList::attachDone);
    drop(bench.window->editor(), {photo});
    REQUIRE(done.wait(10000));

    const auto onDisk = stored(bench);
    REQUIRE(onDisk.size() == 1);
    CHECK(onDisk[0].title == "control-room");
    CHECK(onDisk[0].mediaType == "image/png");
    CHECK(onDisk[0].questionIds == std::vector<std::string>{question});
    CHECK(list->countFor(question) == 1);
    auto* attached = bench.window->findChild<QLabel*>("attachedEvidence");
    CHECK(attached->text().contains("Evidence files (1): control-room"));
    auto* dimensions = bench.window->findChild<QListWidget*>("dimensionList");
    CHECK(dimensions->item(0)->text().contains("1 file"));
    CHECK(bench.doc()->undoStack()->undoText().contains("control-room"));

    // Undo takes the file away (recoverably), redo brings it back: both reach the database.
    bench.doc()->undoStack()->undo();
    CHECK(stored(bench).empty());
    CHECK(stored(bench, true).size() == 1);
    CHECK(attached->text().startsWith("No evidence file attached"));
    bench.doc()->undoStack()->redo();
    CHECK(stored(bench).size() == 1);
}

TEST_CASE("a pasted screenshot is attached to the question as a PNG", "[ui][evidence]") {
    DemoWorkbench bench;
    QImage screenshot(200, 120, QImage::Format_ARGB32);
    screenshot.fill(Qt::darkGreen);
    QApplication::clipboard()->setImage(screenshot);
    QSignalSpy done(bench.doc()->evidence(), &EvidenceList::attachDone);
    bench.questionPanel()->setFocus();
    bench.key(Qt::Key_V, Qt::ControlModifier);
    REQUIRE(done.wait(10000));
    const auto onDisk = stored(bench);
    REQUIRE(onDisk.size() == 1);
    CHECK(onDisk[0].mediaType == "image/png");
    CHECK(QString::fromStdString(onDisk[0].fileName).startsWith("Pasted image "));
    CHECK(onDisk[0].questionIds == std::vector<std::string>{bench.doc()->currentQuestion().id});
}

TEST_CASE("the Evidence page filters, shows raster thumbnails only, and removes with Delete",
          "[ui][evidence]") {
    DemoWorkbench bench;
    EvidenceList* list = bench.doc()->evidence();
    const std::string first = bench.doc()->questions()[0]->id;
    const std::string other = bench.doc()->questions()[10]->id;
    QSignalSpy done(list, &EvidenceList::attachDone);
    app::AttachRequest photo;
    photo.file = writePng(bench.dir, "diagram.png").toStdString();
    photo.questionIds = {first};
    list->attach(photo);
    app::AttachRequest svg;
    svg.file = writeText(bench.dir, "drawing.svg",
                         "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
                   .toStdString();
    svg.questionIds = {other};
    list->attach(svg);
    while (done.count() < 2)
        REQUIRE(done.wait(10000));

    EvidencePage* page = bench.window->evidencePage();
    bench.window->showPage(5);
    CHECK(page->list()->topLevelItemCount() == 2);
    page->showQuestion(other);
    REQUIRE(page->list()->topLevelItemCount() == 1);
    CHECK(page->list()->topLevelItem(0)->text(0) == "drawing");
    // An SVG is never decoded: it gets the generic icon, and no thumbnail is asked for.
    QSignalSpy thumbnails(list, &EvidenceList::thumbnailReady);
    CHECK(list->thumbnail(list->attached()[1], 48).isNull());
    QTest::qWait(200);
    CHECK(thumbnails.isEmpty());
    // The PNG's thumbnail arrives from the worker and fits the size asked for.
    list->thumbnail(list->attached()[0], 48);
    REQUIRE(thumbnails.wait(10000));
    const QImage small = list->thumbnail(list->attached()[0], 48);
    REQUIRE(!small.isNull());
    CHECK(small.width() == 48);
    CHECK(small.height() == 36);

    // Delete on the list removes the selected one; Ctrl+Z brings it back.
    page->list()->setFocus();
    page->list()->setCurrentItem(page->list()->topLevelItem(0));
    QTest::keyClick(page->list(), Qt::Key_Delete);
    CHECK(stored(bench).size() == 1);
    CHECK(page->list()->topLevelItemCount() == 0);
    bench.doc()->undoStack()->undo();
    CHECK(stored(bench).size() == 2);
    CHECK(page->list()->topLevelItemCount() == 1);
}

TEST_CASE("the Evidence page lists the answers at level 3 or above that nothing backs", "[ui][evidence]") {
    DemoWorkbench bench;
    EvidencePage* page = bench.window->evidencePage();
    const EvidenceReview review = reviewEvidence(bench.doc()->model(), bench.doc()->scores(), {});
    REQUIRE(review.missingForLevel > 0);
    CHECK(page->missingList()->count() == static_cast<int>(review.missingForLevel));
    const std::string missing = page->missingList()->item(0)->data(Qt::UserRole).toString().toStdString();
    QSignalSpy done(bench.doc()->evidence(), &EvidenceList::attachDone);
    app::AttachRequest request;
    request.file = writeText(bench.dir, "charter.txt", "Convergence charter v1.2").toStdString();
    request.questionIds = {missing};
    bench.doc()->evidence()->attach(request);
    REQUIRE(done.wait(10000));
    CHECK(page->missingList()->count() == static_cast<int>(review.missingForLevel) - 1);
}

TEST_CASE("an edit of the evidence is one undo step that reaches the database", "[ui][evidence]") {
    DemoWorkbench bench;
    EvidenceList* list = bench.doc()->evidence();
    QSignalSpy done(list, &EvidenceList::attachDone);
    app::AttachRequest request;
    request.file = writeText(bench.dir, "policy.txt", "Patch policy").toStdString();
    list->attach(request);
    REQUIRE(done.wait(10000));
    const Id id = list->attached().front().id;
    EvidenceEdit change;
    change.title = "Patch policy v3";
    change.validOn = "2026-10-01";
    list->edit(id, change);
    CHECK(stored(bench).front().title == "Patch policy v3");
    CHECK(stored(bench).front().validOn == "2026-10-01");
    EvidenceEdit refused;
    refused.validOn = "next Tuesday";
    QSignalSpy failed(list, &EvidenceList::failed);
    list->edit(id, refused);
    CHECK(failed.count() == 1);
    CHECK(stored(bench).front().validOn == "2026-10-01");
    bench.doc()->undoStack()->undo();
    CHECK(stored(bench).front().title == "policy");
    CHECK(stored(bench).front().validOn.empty());
}

TEST_CASE("a cancelled attach keeps nothing, and answers save while a file is stored", "[ui][evidence]") {
    DemoWorkbench bench;
    EvidenceList* list = bench.doc()->evidence();
    const auto big = bench.dir / "historian-export.bin";
    {
        std::ofstream out(big, std::ios::binary);
        std::string block(1 << 20, 'x');
        for (int i = 0; i < 96; ++i) {
            block[0] = static_cast<char>(i);
            out << block;
        }
    }
    QSignalSpy failed(list, &EvidenceList::attachFailed);
    QSignalSpy progress(list, &EvidenceList::attachProgress);
    app::AttachRequest request;
    request.file = big;
    list->attach(request);
    // An answer given meanwhile is saved on the UI's own connection.
    const std::string question = bench.doc()->currentQuestion().id;
    bench.questionPanel()->setFocus();
    bench.key(Qt::Key_1);
    REQUIRE(progress.wait(10000));
    list->cancelAttach();
    REQUIRE((failed.count() > 0 || failed.wait(20000)));
    CHECK(failed.front().front().toString().contains("cancelled"));
    CHECK(stored(bench, true).empty());
    auto answers = bench.workspace.app().store().answers(2);
    REQUIRE(answers.has_value());
    CHECK(std::any_of(answers->begin(), answers->end(), [&](const Answer& a) {
        return a.questionId == question && a.participantId == bench.doc()->consensusId() && a.current == 1.0;
    }));
    SQLite::Database db(bench.path.toStdString());
    CHECK(db.execAndGet("SELECT count(*) FROM evidence_files").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM evidence_chunks").getInt() == 0);
}

namespace {

// A 640x480 photo attached to the third question, stored before this returns.
void attachSitePhoto(DemoWorkbench& bench) {
    QSignalSpy done(bench.doc()->evidence(), &EvidenceList::attachDone);
    app::AttachRequest request;
    request.file = writePng(bench.dir, "site.png").toStdString();
    request.questionIds = {bench.doc()->questions()[2]->id};
    bench.doc()->evidence()->attach(request);
    REQUIRE(done.wait(10000));
}

// The target's open assessment holds the source's photo, byte for byte, and saves it out as an image.
void expectSamePhoto(DemoWorkbench& source, Workbench& target) {
    const auto& attached = target.window->document()->evidence()->attached();
    REQUIRE(attached.size() == 1);
    CHECK(attached[0].sha256 == source.doc()->evidence()->attached()[0].sha256);
    const auto copy = target.dir / "copy.png";
    auto saved = target.window->document()->evidence()->saveFile(attached[0].id,
                                                                 QString::fromStdString(copy.string()));
    saved.waitForFinished();
    REQUIRE(saved.result().has_value());
    CHECK(QImage(QString::fromStdString(copy.string())).size() == QSize(640, 480));
}

} // namespace

TEST_CASE("a package carries the evidence files to another database through the workbench",
          "[ui][evidence]") {
    DemoWorkbench source;
    attachSitePhoto(source);
    const QString package = QString::fromStdString((source.dir / "follow-up.mwz").string());
    auto written = source.window->exportPackageFile(package);
    written.waitForFinished();
    REQUIRE(written.result().has_value());

    Workbench target;
    target.window->importPackageFile(package);
    QTRY_VERIFY_WITH_TIMEOUT(target.window->document() != nullptr, 10000);
    expectSamePhoto(source, target);
}

TEST_CASE("a sealed package carries the files too and opens in the workbench only with its password",
          "[ui][evidence][sealed]") {
    DemoWorkbench source;
    attachSitePhoto(source);
    const QString package = QString::fromStdString((source.dir / "sealed.mwz").string());
    auto written = source.window->exportPackageFile(package, Secret(std::string("correct horse battery")));
    written.waitForFinished();
    REQUIRE(written.result().has_value());
    CHECK(test::readBytes(source.dir / "sealed.mwz").find("Severn Vale") == std::string::npos);

    Workbench target;
    {
        PasswordTyper typer({"not the password", "correct horse battery"});
        target.window->importPackageFile(package);
        QTRY_VERIFY_WITH_TIMEOUT(target.window->document() != nullptr, 30000);
        CHECK(typer.asked == 2);
        REQUIRE(typer.problems.size() == 2);
        CHECK(typer.problems[1].startsWith("That password does not open this file"));
    }
    expectSamePhoto(source, target);
}

TEST_CASE("the evidence dialog ticks a filtered question with the keyboard alone", "[ui][evidence]") {
    DemoWorkbench bench;
    Evidence start;
    start.title = "photo";
    start.fileName = "photo.jpg";
    start.questionIds = {"GO1"}; // attached from the question in discussion
    EvidenceDialog dialog(bench.doc()->model(), start, {}, "Attach photo.jpg");
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* filter = dialog.findChild<QLineEdit*>("evidenceQuestionFilter");
    auto* questions = dialog.findChild<QListWidget*>("evidenceQuestions");
    filter->setFocus();
    QTest::keyClicks(filter, "SB1");
    // GO1, the current question, is filtered out of view: Tab then Space ticks the first one in view.
    QTest::keyClick(filter, Qt::Key_Tab);
    REQUIRE(questions->hasFocus());
    REQUIRE(questions->currentItem() != nullptr);
    CHECK_FALSE(questions->currentItem()->isHidden());
    QTest::keyClick(questions, Qt::Key_Space);
    CHECK(dialog.checkedQuestions() == QStringList{"GO1", "SB1"});
    // Enter in the filter goes into the list too.
    filter->setFocus();
    filter->clear();
    QTest::keyClicks(filter, "SB2");
    QTest::keyClick(filter, Qt::Key_Return);
    CHECK(questions->hasFocus());
    QTest::keyClick(questions, Qt::Key_Space);
    CHECK(dialog.checkedQuestions() == QStringList{"GO1", "SB1", "SB2"});
}
