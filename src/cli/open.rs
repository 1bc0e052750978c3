//! Opening one edition for the reader: read the file ([`super::input`]),
//! decode and parse it, find its saved state in the store, and build the
//! [`App`] with its bookmarks, read marks and reading position.
//!
//! Used for a single `FILE` and for each edition a library opens (only
//! when it is opened, so a directory of a year's papers starts at once).
//!
//! A large edition opens in two steps (see
//! [`crate::edition::progressive`]): the app is built at once from a
//! provisional edition, parsed from the first page (at most 64 KiB), while
//! a worker thread parses the whole text, then sets the article the reader
//! had open when it started ([`SetHint`]), so the swap does not set a long
//! article on the event loop; the worker wakes the event loop when it is
//! done ([`Loading::start_waking`]), which then takes the result
//! ([`Loading::poll`]) and hands the whole edition over with [`complete`].
//!
//! A file longer than [`HEAD_BYTES`] is not even read whole before the
//! first frame: only its head is read and decoded (in the encoding the
//! whole will be decoded in: [`decode::decode_head`]) and its first page
//! parsed; the worker reads the rest, decodes, fingerprints and parses the
//! whole ([`Job::Rest`]). Until then the app does not know the edition's
//! fingerprint, as for an edition read from a stream ([`open_stream`]):
//! its saved state (bookmarks, read marks, position) arrives with the
//! whole edition, nothing is saved before, and a bookmark change waits for
//! it. A shorter file is read, decoded and fingerprinted here, and its
//! saved state used at once.
//!
//! The fingerprint is always of the whole text. State stored under the
//! edition's key of the legacy format is moved to its fingerprint first
//! ([`Store::adopt_legacy`]; the legacy key is computed beside the
//! fingerprint, on the worker for a large file). The store records the
//! edition (path, titles, title matching for an unknown fingerprint:
//! [`Store::identify`]) only with the whole edition, never a provisional
//! one.

use std::path::Path;
use std::sync::{Arc, mpsc};

use anyhow::bail;

use super::input::{Head, Input, Opening};
use crate::app::{App, HelpEntry, Settings};
use crate::edition::decode::{self, Decoded};
use crate::edition::progressive::{parse_decoded, parse_whole, provisional_prefix};
use crate::edition::{ArticleId, Edition, Fingerprint, hash_beside};
use crate::store::anchor::{self, Match, Resolution};
use crate::store::{EditionState, KnownKeys, Notice, Store, TextKeys};
use crate::typeset::Options;
use crate::typeset::article::SetArticle;
use crate::typeset::cache::Preset;

/// What every opened edition shares.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Typesetting, measure, theme and search settings.
    pub settings: Settings,
    /// A forced encoding (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Open at the saved reading position (not with `--no-resume`).
    pub resume: bool,
    /// The help overlay's lines, from the live key map.
    pub help: Vec<HelpEntry>,
}

/// An edition opened for reading.
#[derive(Debug)]
pub struct Opened {
    /// The reader's state for it.
    pub app: App,
    /// Its path as given, recorded with its state.
    pub source: String,
    /// Store and parse warnings, each short (file name only, for the
    /// status bar) and full (path included, for stderr).
    pub warnings: Vec<Notice>,
    /// The whole edition still being parsed, when `app` shows a provisional
    /// one; `None` when `app` has the whole edition.
    pub loading: Option<Loading>,
}

/// The whole edition being parsed on a worker thread while the app shows a
/// provisional one. Dropping it drops the channel: the worker finishes its
/// parse and its result is thrown away (quitting never waits for it).
#[derive(Debug)]
pub struct Loading {
    worker: Worker,
    /// The fingerprint was in the store when the edition was opened: its
    /// bookmarks, read marks and position are in use already, and changes
    /// may be saved under it at once. When it was not, the store learns of
    /// the edition only from the whole edition ([`complete`]).
    pub known: bool,
    /// Open the saved position when the whole edition arrives (it was not
    /// found in the provisional one, or the fingerprint was not known).
    resume: bool,
    /// A key was pressed while loading: the reader has moved on, so the
    /// saved position is not opened over what they chose.
    touched: bool,
    /// The edition is read from a stream ([`open_stream`]).
    stream: bool,
    /// The app's fingerprint is the edition's: false while it is not known
    /// (a stream, or a file read from its head), when the worker brings it.
    identified: bool,
    /// How the worker ended without an edition, once [`Loading::wait`]
    /// found out: [`Loading::poll`] reports it from then on.
    ended: Option<Ended>,
    /// The file's name and path, for warnings.
    name: String,
    source: String,
}

/// The worker's result: the whole edition, and the open article already
/// set, when the worker was told which one ([`Loading::start`]).
#[derive(Debug)]
pub struct Whole {
    /// The whole edition.
    pub edition: Edition,
    /// Its fingerprint, when the app did not know it yet (an edition read
    /// from a stream, or from the head of a large file, whose whole text
    /// was not there when the app was built).
    pub fingerprint: Option<Fingerprint>,
    /// The same text's key of the legacy format, when the store held state
    /// under it and none under `fingerprint` ([`TextKeys::legacy`]).
    pub legacy: Option<Fingerprint>,
    /// The article the reader had open when parsing started, set at its
    /// width (`None` when not told, or the article is not in the edition).
    pub preset: Option<Preset>,
}

/// Which article to set once the whole edition is parsed, so the swap
/// does not set it on the event loop: the open article's id and its text
/// width (columns) and options.
#[derive(Debug, Clone)]
pub struct SetHint {
    /// The open article's id.
    pub id: ArticleId,
    /// The reading pane's text width in columns.
    pub width: usize,
    /// The typesetting options.
    pub options: Options,
}

impl SetHint {
    /// The hint for what `app` shows now; `None` without an open article or
    /// room to set it.
    pub fn of(app: &App) -> Option<SetHint> {
        let (width, _) = app.reader_text_size();
        let article = app.current_article()?;
        (width > 0).then(|| SetHint {
            id: article.id.clone(),
            width,
            options: app.typeset_options(),
        })
    }
}

/// What [`Loading::poll`] found.
#[derive(Debug)]
pub enum Progress {
    /// Still parsing.
    Waiting,
    /// The whole edition, for [`complete`].
    Done(Box<Whole>),
    /// The worker ended without a result (it panicked); the provisional
    /// edition is all there is.
    Failed,
    /// The stream read held no edition (binary, empty, unreadable, or
    /// without articles), or the rest of a file read from its head could
    /// not be read: the one-line error, path first. The reader ends with
    /// it.
    Refused(String),
}

/// How a worker ended without an edition (see [`Loading::wait`]).
#[derive(Debug, Clone)]
enum Ended {
    /// It said why ([`Progress::Refused`]).
    Refused(String),
    /// It ended without a word ([`Progress::Failed`]).
    Failed,
}

impl Loading {
    /// Lets the worker start parsing, and then set the article `hint`
    /// names. The event loop calls it once the first frame is out, so that
    /// on a busy machine the parse does not hold the first frame back;
    /// [`Loading::wait`] calls it too (without a hint, if not started).
    pub fn start(&mut self, hint: Option<SetHint>) {
        self.worker.start(hint, None);
    }

    /// As [`Loading::start`], calling `wake` once the worker has ended,
    /// with its result sent or without one: the event loop then waits on a
    /// channel instead of polling [`Loading::poll`].
    pub fn start_waking(&mut self, hint: Option<SetHint>, wake: impl FnOnce() + Send + 'static) {
        self.worker.start(hint, Some(Box::new(wake)));
    }

    /// True once [`Loading::start`] (or [`Loading::wait`]) ran.
    pub fn started(&self) -> bool {
        self.worker.go.is_none()
    }

    /// Looks for the worker's result without waiting.
    pub fn poll(&self) -> Progress {
        match &self.ended {
            Some(Ended::Refused(line)) => return Progress::Refused(line.clone()),
            Some(Ended::Failed) => return Progress::Failed,
            None => {}
        }
        match self.worker.receiver.try_recv() {
            Ok(Ok(whole)) => Progress::Done(Box::new(whole)),
            Ok(Err(refused)) => Progress::Refused(refused),
            Err(mpsc::TryRecvError::Empty) => Progress::Waiting,
            Err(mpsc::TryRecvError::Disconnected) => Progress::Failed,
        }
    }

    /// Starts the worker if it was not, and waits for its result: `None`
    /// if it ended without one or refused what it read (then
    /// [`Loading::poll`] says which from now on).
    pub fn wait(&mut self) -> Option<Whole> {
        if self.ended.is_some() {
            return None;
        }
        match self.worker.wait() {
            Ok(whole) => Some(whole),
            Err(refused) => {
                self.ended = Some(refused.map_or(Ended::Failed, Ended::Refused));
                None
            }
        }
    }

    /// The edition's file name (or `standard input`), for messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True when the edition comes from a stream ([`open_stream`]): the
    /// app shows nothing of it until the whole text has arrived.
    pub fn is_stream(&self) -> bool {
        self.stream
    }

    /// True when the app's fingerprint is the edition's; false while the
    /// worker has still to bring it (an edition read from a stream, or from
    /// the head of a large file). Nothing may be saved under the app's
    /// fingerprint until then.
    pub fn identified(&self) -> bool {
        self.identified
    }

    /// Records that the reader pressed a key while loading.
    pub fn touch(&mut self) {
        self.touched = true;
    }
}

/// How many bytes of a file are read before its first frame: a longer
/// file's first page is parsed from its head, and the rest is read on the
/// worker ([`Job::Rest`]). As many as the provisional edition is parsed
/// from at most ([`crate::edition::progressive::PROVISIONAL_MAX_BYTES`]);
/// the encoding is detected from as many ([`decode::HEAD_BYTES`]).
pub const HEAD_BYTES: usize = decode::HEAD_BYTES;

/// What the first frame is made from: the edition to show, its keys when
/// its whole text has been read, the worker that brings the whole edition
/// (when `edition` is provisional), and the size of the whole in bytes.
struct First {
    edition: Edition,
    keys: Option<TextKeys>,
    worker: Option<Worker>,
    total: usize,
}

/// Opens the edition at `path`. A file longer than [`HEAD_BYTES`] is read
/// only as far as its head here, its first page shown, the rest left to a
/// worker with the fingerprint (see the module doc); a shorter text of one
/// short page is parsed here; one of several pages gives a provisional app
/// and a [`Loading`] that parses the whole text. An edition known to
/// `store` by its fingerprint opens with its state (once the fingerprint
/// is known); one known only by its legacy key has its state moved to the
/// fingerprint; one known only by its titles (an older extraction) is
/// re-keyed when it is identified.
///
/// # Errors
/// Any [`super::input::InputError`] for the file, an edition in which no
/// article was found, and a worker thread that could not be started for
/// a large file.
pub fn open(path: &Path, options: &ReaderOptions, store: &mut Store) -> anyhow::Result<Opened> {
    let opening = super::input::open_edition(path, options.encoding.is_some(), HEAD_BYTES)?;
    open_from(path, opening, options, store)
}

/// [`open`], once the file at `path` is read as far as `opening` (whole,
/// or its head: see [`super::input::open_edition`]).
///
/// # Errors
/// An edition in which no article was found, a worker thread that could
/// not be started for a head, and (when the first page had no articles, so
/// the whole edition was waited for) why the rest could not be read.
pub fn open_from(
    path: &Path,
    opening: Opening,
    options: &ReaderOptions,
    store: &mut Store,
) -> anyhow::Result<Opened> {
    let source = path.to_string_lossy().into_owned();
    let name = path
        .file_name()
        .map_or_else(|| source.clone(), |n| n.to_string_lossy().into_owned());
    let First {
        edition,
        keys,
        worker,
        total,
    } = first_of(path, opening, options, store)?;
    if edition.article_count() == 0 {
        bail!("{source}: no articles found");
    }
    let identified = keys.is_some();
    let (fingerprint, known) = recognise(store, keys, &edition, worker.is_none());
    let mut warnings = store.take_messages();
    warnings.extend(notices(&edition.warnings, &name, &source));
    let saved = if identified {
        store.edition(&fingerprint).cloned().unwrap_or_default()
    } else {
        EditionState::default()
    };
    let mut app = reader_app(edition, fingerprint, &saved, options, store);
    let resume_later = options.resume && resume(&mut app, &saved, worker.is_none(), known);
    let loading = worker.map(|worker| {
        app.set_loading(total);
        Loading {
            worker,
            known,
            resume: resume_later,
            touched: false,
            stream: false,
            identified,
            ended: None,
            name,
            source: source.clone(),
        }
    });
    if let Some(first) = warnings.first() {
        app.notify(first.status.clone());
    }
    Ok(Opened {
        app,
        source,
        warnings,
        loading,
    })
}

/// What the first frame shows of the file at `path`, read as far as
/// `opening`: its first page from a head, the short text whole, or the
/// PDF read whole.
///
/// # Errors
/// As [`open_from`].
fn first_of(
    path: &Path,
    opening: Opening,
    options: &ReaderOptions,
    store: &Store,
) -> anyhow::Result<First> {
    let source = path.to_string_lossy();
    let known_keys = store.known_keys();
    Ok(match opening {
        Opening::Head(head) => first_from_head(head, &source, options.encoding, known_keys)?,
        Opening::Whole(Input::Text(bytes)) => {
            let decoded = decode::decode_owned(bytes, options.encoding);
            parse_first(decoded, &source, &known_keys)
        }
        Opening::Whole(Input::Pdf(bytes)) => {
            let (edition, fingerprint) = super::input::load_pdf(path, bytes)?;
            First {
                edition,
                keys: Some(TextKeys {
                    fingerprint,
                    legacy: None,
                }),
                worker: None,
                total: 0,
            }
        }
    })
}

/// The edition's fingerprint and whether the store knows it, its state
/// taken over from a legacy key when there is one; the store records the
/// edition now when it is `whole`. Without `keys` (a head: the worker
/// brings them), a placeholder under which nothing is saved.
fn recognise(
    store: &mut Store,
    keys: Option<TextKeys>,
    edition: &Edition,
    whole: bool,
) -> (Fingerprint, bool) {
    let Some(keys) = keys else {
        // Until the worker brings it; nothing is saved under this.
        return (Fingerprint::of_text(""), false);
    };
    store.adopt_legacy(&keys);
    let fingerprint = keys.fingerprint;
    let known = store.edition(&fingerprint).is_some();
    if whole {
        store.identify(&fingerprint, edition);
    }
    (fingerprint, known)
}

/// The reader's app for `edition`, with its `saved` bookmarks and read
/// marks, the help from the live key map and the sidebar order from the
/// settings.
fn reader_app(
    edition: Edition,
    fingerprint: Fingerprint,
    saved: &EditionState,
    options: &ReaderOptions,
    store: &Store,
) -> App {
    let mut app = App::new(
        edition,
        fingerprint,
        options.settings,
        saved.bookmarks.clone(),
    );
    app.set_help(options.help.clone());
    app.set_bookmark_order(crate::store::prefs::load(store.dir()).sidebar_order);
    app.load_read_marks(saved);
    app
}

/// The first frame of a file read only as far as its `head`: the head
/// decoded ([`decode::decode_head`]) and its first page parsed, with a
/// worker to read, decode, fingerprint and parse the whole ([`Job::Rest`]).
/// A first page without articles (furniture only) waits for the whole
/// edition.
///
/// # Errors
/// No thread for the worker; and, when the whole edition was waited for,
/// why the worker brought none.
fn first_from_head(
    head: Head,
    source: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
    keys: KnownKeys,
) -> anyhow::Result<First> {
    let total = usize::try_from(head.len).unwrap_or(usize::MAX);
    let decoded = decode::decode_head(&head.bytes, encoding);
    let text = provisional_prefix(&decoded.text);
    let edition = parse_decoded(text, Some(source), decoded.encoding, &decoded.warnings);
    drop(decoded);
    let job = Job::Rest {
        head,
        encoding,
        keys,
    };
    let Some(mut worker) = Worker::spawn(job, source) else {
        bail!("{source}: could not start a thread to read the edition");
    };
    if edition.article_count() > 0 {
        return Ok(First {
            edition,
            keys: None,
            worker: Some(worker),
            total,
        });
    }
    match worker.wait() {
        Ok(whole) => Ok(First {
            keys: whole.fingerprint.map(|fingerprint| TextKeys {
                fingerprint,
                legacy: whole.legacy,
            }),
            edition: whole.edition,
            worker: None,
            total,
        }),
        Err(refused) => {
            bail!(refused.unwrap_or_else(|| format!("{source}: could not read the edition")))
        }
    }
}

/// Opens the edition that the stream at `path` will bring (standard input
/// for [`super::input::STDIN`], or a FIFO: see [`super::input::is_stream`])
/// without waiting for it: the app starts empty, saying `reading…`, and a
/// worker thread reads the stream to its end, decodes, fingerprints and
/// parses it; [`complete`] then swaps the edition in with its saved state,
/// as for a large file. Nothing is read here, so the screen comes up at
/// once and `q` quits while the writer has sent nothing (`less` reads
/// pipes the same way). The edition records no path in the store: a pipe's
/// name means nothing the next time.
pub fn open_stream(path: &Path, options: &ReaderOptions, store: &Store) -> Opened {
    let shown = super::input::shown_path(path)
        .to_string_lossy()
        .into_owned();
    let mut app = App::new(
        Edition::default(),
        Fingerprint::of_text(""),
        options.settings,
        Vec::new(),
    );
    app.set_help(options.help.clone());
    app.set_bookmark_order(crate::store::prefs::load(store.dir()).sidebar_order);
    app.set_reading_stream();
    let job = Job::Read {
        path: path.to_owned(),
        encoding: options.encoding,
        keys: store.known_keys(),
    };
    let loading = Worker::spawn(job, &shown).map(|worker| Loading {
        worker,
        known: false,
        resume: options.resume,
        touched: false,
        stream: true,
        identified: false,
        ended: None,
        name: shown.clone(),
        source: shown.clone(),
    });
    Opened {
        app,
        source: shown,
        warnings: Vec::new(),
        loading,
    }
}

/// Opens the reading position saved in `saved` now, when the edition is
/// `whole` or the position is found exactly where it was saved in the
/// provisional edition. Returns true when it must wait for the whole
/// edition instead: the position lies beyond the provisional edition, or
/// the fingerprint is not `known` and the state may come from an older
/// extraction when the whole edition is identified.
fn resume(app: &mut App, saved: &EditionState, whole: bool, known: bool) -> bool {
    // Only at its own place: the saved snippet found elsewhere in the
    // provisional edition (another article, or earlier in an article cut
    // short by the prefix) may be a repeat of text whose saved place lies
    // in what is not parsed yet.
    let found = matches!(
        anchor::resolve_position(saved, app.edition()),
        Some(Resolution::Found {
            how: Match::Exact | Match::Unchecked,
            ..
        })
    );
    if whole || found {
        app.resume(saved);
        return false;
    }
    !known || saved.position.is_some()
}

/// Parses what the first frame needs: the whole text when it is one short
/// page, else the provisional prefix, with a worker thread ready to parse
/// the whole text. Also takes the whole text's keys (see
/// [`KnownKeys::keys_of`], beside the parse: [`hash_beside`]). A
/// provisional edition without articles (a first page of furniture only)
/// waits for the whole one.
fn parse_first(decoded: Decoded, source: &str, keys: &KnownKeys) -> First {
    let total = decoded.text.len();
    let prefix = provisional_prefix(&decoded.text).len();
    let decoded = Arc::new(decoded);
    let mut worker = (prefix < decoded.text.len())
        .then(|| Worker::spawn(Job::Parse(Arc::clone(&decoded)), source))
        .flatten();
    let text = match worker {
        Some(_) => decoded.text.get(..prefix).unwrap_or_default(),
        None => decoded.text.as_str(),
    };
    let (edition, keys) = hash_beside(
        &decoded.text,
        |text| keys.keys_of(text),
        || parse_decoded(text, Some(source), decoded.encoding, &decoded.warnings),
    );
    let keys = Some(keys);
    match &mut worker {
        Some(whole) if edition.article_count() == 0 => {
            let edition = whole
                .wait()
                .map_or_else(|_| parse_whole(&decoded, Some(source)), |w| w.edition);
            First {
                edition,
                keys,
                worker: None,
                total,
            }
        }
        _ => First {
            edition,
            keys,
            worker,
            total,
        },
    }
}

/// The worker thread that parses the whole text: it waits for
/// [`Worker::start`], does its [`Job`], sets the article it was told to, and
/// sends both back. Dropped before it was started, it ends without parsing;
/// dropped later, its result is thrown away (a stream it is reading is left
/// unread: the process does not wait for the thread).
#[derive(Debug)]
struct Worker {
    receiver: mpsc::Receiver<Result<Whole, String>>,
    go: Option<mpsc::Sender<(Option<SetHint>, Option<Wake>)>>,
}

/// What a [`Worker`] makes its edition from.
enum Job {
    /// The decoded text of a file, already fingerprinted.
    Parse(Arc<Decoded>),
    /// A stream still to read ([`open_stream`]), decoded in `encoding` if
    /// the user forced one; `keys` are the store's, for its legacy key.
    Read {
        path: std::path::PathBuf,
        encoding: Option<&'static encoding_rs::Encoding>,
        keys: KnownKeys,
    },
    /// The rest of a file whose head the first frame was made from
    /// ([`first_from_head`]), decoded as a whole in `encoding` if the user
    /// forced one (else as detected: the head's encoding, see
    /// [`decode::decode_head`]); `keys` are the store's, for its legacy key.
    Rest {
        head: Head,
        encoding: Option<&'static encoding_rs::Encoding>,
        keys: KnownKeys,
    },
}

impl Job {
    /// The whole edition (with its keys, when the app does not know its
    /// fingerprint yet), or the one-line reason there is none.
    fn run(self, source: &str) -> Result<(Edition, Option<TextKeys>), String> {
        match self {
            Job::Parse(decoded) => Ok((parse_whole(&decoded, Some(source)), None)),
            Job::Read {
                path,
                encoding,
                keys,
            } => read_stream(&path, encoding, &keys),
            Job::Rest {
                head,
                encoding,
                keys,
            } => {
                let input = head.read_rest().map_err(|e| e.to_string())?;
                let shown = Path::new(source);
                let (edition, keys) = load_input(input, shown, Some(source), encoding, &keys)?;
                Ok((edition, Some(keys)))
            }
        }
    }
}

/// Reads, decodes, fingerprints and parses the stream at `path` (see
/// [`super::input::read_edition`]); the edition records no source path.
///
/// # Errors
/// The one-line reason the stream holds no edition (an
/// [`super::input::InputError`], or no articles found).
fn read_stream(
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
    keys: &KnownKeys,
) -> Result<(Edition, Option<TextKeys>), String> {
    let shown = super::input::shown_path(path);
    let input = super::input::read_edition(path, encoding.is_some()).map_err(|e| e.to_string())?;
    let (edition, keys) = load_input(input, &shown, None, encoding, keys)?;
    Ok((edition, Some(keys)))
}

/// Decodes, fingerprints (with the legacy key `keys` may call for) and
/// parses a whole edition's bytes, read from `shown` (named so in errors),
/// recording `source` as its path.
///
/// # Errors
/// The one-line reason it holds no edition: a PDF that cannot be read, or
/// no articles found.
fn load_input(
    input: Input,
    shown: &Path,
    source: Option<&str>,
    encoding: Option<&'static encoding_rs::Encoding>,
    keys: &KnownKeys,
) -> Result<(Edition, TextKeys), String> {
    let (edition, keys) = match input {
        Input::Text(bytes) => {
            let decoded = decode::decode_owned(bytes, encoding);
            hash_beside(
                &decoded.text,
                |text| keys.keys_of(text),
                || parse_whole(&decoded, source),
            )
        }
        Input::Pdf(bytes) => {
            let (edition, fingerprint) =
                super::input::load_pdf(shown, bytes).map_err(|e| e.to_string())?;
            let keys = TextKeys {
                fingerprint,
                legacy: None,
            };
            (edition, keys)
        }
    };
    if edition.article_count() == 0 {
        return Err(format!("{}: no articles found", shown.display()));
    }
    Ok((edition, keys))
}

/// What the worker calls once it has ended (see [`Loading::start_waking`]).
type Wake = Box<dyn FnOnce() + Send>;

/// Calls its [`Wake`] when dropped: at the end of the worker's thread,
/// after its result was sent, or when a panic unwinds it.
struct WakeOnDrop(Option<Wake>);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        if let Some(wake) = self.0.take() {
            wake();
        }
    }
}

impl Worker {
    /// Starts the (waiting) thread for `job`; `None` if the thread could
    /// not be started.
    fn spawn(job: Job, source: &str) -> Option<Worker> {
        let (sender, receiver) = mpsc::channel();
        let (go, started) = mpsc::channel::<(Option<SetHint>, Option<Wake>)>();
        let source = source.to_owned();
        std::thread::Builder::new()
            .name("newsreader-parse".to_owned())
            .spawn(move || {
                let Ok((hint, wake)) = started.recv() else {
                    // Dropped unstarted: another edition was opened, or
                    // the reader quit.
                    return;
                };
                // Dropped after `sender` (declared before it), so a waiting
                // loop finds the result, or the channel closed.
                let _wake = WakeOnDrop(wake);
                let sender = sender;
                // The job's text is dropped once it is in the edition,
                // before the article is set, which takes memory of its own.
                let result = job.run(&source).map(|(edition, keys)| {
                    let preset = hint.and_then(|hint| preset(&edition, hint));
                    let (fingerprint, legacy) = match keys {
                        Some(keys) => (Some(keys.fingerprint), keys.legacy),
                        None => (None, None),
                    };
                    Whole {
                        edition,
                        fingerprint,
                        legacy,
                        preset,
                    }
                });
                // The reader may have quit or opened another edition:
                // then nobody listens, and the edition is dropped.
                let _ = sender.send(result);
            })
            .ok()?;
        Some(Worker {
            receiver,
            go: Some(go),
        })
    }

    /// Lets the thread parse, then set the article `hint` names (once;
    /// later calls do nothing).
    fn start(&mut self, hint: Option<SetHint>, wake: Option<Wake>) {
        if let Some(go) = self.go.take() {
            let _ = go.send((hint, wake));
        }
    }

    /// Starts the thread and waits for its result: the whole edition, or
    /// why there is none (`None`: the thread ended without a word).
    fn wait(&mut self) -> Result<Whole, Option<String>> {
        self.start(None, None);
        match self.receiver.recv() {
            Ok(Ok(whole)) => Ok(whole),
            Ok(Err(refused)) => Err(Some(refused)),
            Err(mpsc::RecvError) => Err(None),
        }
    }
}

/// The article of `edition` that `hint` names, set as it asks.
fn preset(edition: &Edition, hint: SetHint) -> Option<Preset> {
    let article = edition.articles().find(|a| a.id == hint.id)?;
    let set = SetArticle::new(article, hint.width, &hint.options);
    Some(Preset {
        id: hint.id,
        width: hint.width,
        options: hint.options,
        set: Arc::new(set),
    })
}

/// Hands the whole `edition` to `app` in place of its provisional one:
/// gives the app the edition's fingerprint if it did not know it (and
/// moves state stored under its legacy key to it: [`Store::adopt_legacy`]),
/// records the edition in the store ([`Store::identify`]: path, titles, and
/// for an unknown fingerprint the title match that may re-key an older
/// extraction's state), swaps it in ([`App::replace_edition`]) with the
/// store's read marks and bookmarks, and opens the saved position if that
/// was left for now and no key was pressed meanwhile. Returns the store's
/// messages and the parse warnings the provisional edition did not have;
/// the first is shown in the status bar.
pub fn complete(app: &mut App, store: &mut Store, loading: &Loading, whole: Whole) -> Vec<Notice> {
    let Whole {
        edition,
        fingerprint,
        legacy,
        preset,
    } = whole;
    if let Some(fingerprint) = fingerprint {
        let keys = TextKeys {
            fingerprint,
            legacy,
        };
        store.adopt_legacy(&keys);
        app.set_fingerprint(keys.fingerprint);
    }
    let fingerprint = app.fingerprint().clone();
    store.identify(&fingerprint, &edition);
    let mut warnings = store.take_messages();
    let new_warnings: Vec<String> = edition
        .warnings
        .iter()
        .filter(|w| !app.edition().warnings.contains(w))
        .cloned()
        .collect();
    warnings.extend(notices(&new_warnings, &loading.name, &loading.source));
    let saved: EditionState = store.edition(&fingerprint).cloned().unwrap_or_default();
    app.replace_edition_preset(edition, &saved, preset);
    app.sync_bookmarks(saved.bookmarks.clone());
    // Keys pressed while a stream was read moved nothing: there was
    // nothing to move in.
    if loading.resume && (!loading.touched || loading.stream) {
        app.resume(&saved);
    }
    if let Some(first) = warnings.first() {
        app.notify(first.status.clone());
    }
    warnings
}

/// Parse and decode warnings as notices: `name: warning` for the status
/// bar, `source: warning` for stderr.
fn notices(warnings: &[String], name: &str, source: &str) -> Vec<Notice> {
    warnings
        .iter()
        .map(|w| Notice {
            status: format!("{name}: {w}"),
            detail: format!("{source}: {w}"),
        })
        .collect()
}
