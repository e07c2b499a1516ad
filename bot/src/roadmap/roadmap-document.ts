import { createHash } from 'node:crypto';
import {
  baselineTargetChart,
  blocks,
  dotPlotChart,
  formatNumber,
  renderDocx,
  renderPdf,
  timelineChart,
  type DocumentBlock,
  type ReportDocument,
  type TableCell,
  type TimelineRow,
  type TimelineStatus,
} from '../platform/documents';
import { formatHelsinkiDate, formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import {
  effectiveBaseline,
  isLate,
  medianOf,
  periodOf,
  periodText,
  quarterAt,
  quarterIndex,
  quarterOf,
  quarterSpanText,
  type ActionStatus,
  type Quarter,
  type RoadmapAction,
} from './roadmap';
import { roadmapMessagesFor } from './roadmap-messages';
import type { RoadmapData } from './roadmap-repository';
import { ownerName, personName } from './roadmap-views';

const { h1, h2, p, bold, bullets, keyFigures, chart, chartTable, callout, numbered } = blocks;

/**
 * The roadmap's summary for the municipality's board, on the shared document kit, in the
 * municipality's logo and colours: the vision, baseline against target per perspective (chart and
 * table), the leadership team's picks, the goals, the actions quarter by quarter with their
 * owners, and the follow-up model. Content only: the kit lays out the pages.
 */
export interface SummaryContext {
  readonly language: Language;
  readonly now: Date;
  readonly municipalityName: string;
  readonly logo: Buffer | undefined;
  /** When the next check-in goes out, if the roadmap is followed up. */
  readonly nextCheckIn: Date | undefined;
}

export interface SummaryFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** At most this many quarters fit a timeline; longer roadmaps show the stretch around today. */
const TIMELINE_QUARTERS = 16;
const ROWS_PER_TIMELINE = 14;

const TEXT = {
  fi: {
    kicker: (years: string) => `Digitiekartta ${years}`,
    subtitle: 'Tavoitteet, toimenpiteet ja seuranta',
    phase: (phase: string) => `Vaihe: ${phase}`,
    owner: (name: string) => `Omistaja: ${name}`,
    prepared: (date: string) => `Laadittu Digiverkostossa ${date}`,
    documentName: (name: string, years: string) => `${name} – digitiekartta ${years}`,
    filePrefix: 'digitiekartta',
    vision: 'Visio',
    noVision: 'Visiota ei ole vielä kirjattu.',
    visionText: (_name: string) =>
      'Digitiekartta kokoaa kunnan digitalisaatiota koskevat tavoitteet konkreettisiksi toimenpiteiksi, aikatauluiksi ja vastuiksi. Se perustuu henkilöstön digitalisaatiokyselyn lähtötasoon ja johtoryhmän työpajassa sovittuihin tavoitetasoihin.',
    appendix: 'Liite: kaavioiden luvut',
    appendixText: 'Kaavioiden luvut taulukkoina, esimerkiksi ruudunlukijalla luettaviksi tai kopioitaviksi.',
    levels: 'Lähtötaso ja tavoitetaso',
    levelsText: (respondents: string | undefined, year: number) =>
      respondents
        ? `Rengas on henkilöstökyselyn lähtötaso (${respondents} vastaajaa) ja piste johtoryhmän sopima tavoitetaso vuodelle ${year} asteikolla 1–5.`
        : `Rengas on lähtötaso ja piste johtoryhmän sopima tavoitetaso vuodelle ${year} asteikolla 1–5.`,
    perspective: 'Näkökulma',
    baseline: 'Lähtötaso',
    target: (year: number) => `Tavoite ${year}`,
    change: 'Muutos',
    levelsCaption: 'Lähtötaso ja tavoitetaso näkökulmittain',
    levelsTable: 'Lähtö- ja tavoitetasot',
    levelsAlt: (count: number, biggest: string | undefined) =>
      `Nuolikaavio ${count} näkökulmasta: lähtötaso ja tavoitetaso asteikolla 1–5.${biggest ? ` Suurin tavoiteltu nousu: ${biggest}.` : ''}`,
    noLevels: 'Lähtötasoja tai tavoitetasoja ei ole vielä kirjattu.',
    adjustments: 'Korjatut lähtötasot',
    adjustment: (label: string, from: string, to: string, reason: string, by: string, date: string) =>
      `${label}: kyselyn ${from} → ${to}. ${reason} (${by}, ${date})`,
    picks: 'Johtoryhmän jäsenten tavoitetasot',
    picksText: (count: number) =>
      `${count} johtoryhmän jäsentä asetti työpajassa oman tavoitteensa. Viiva on jäsenten tavoitteiden mediaani; sovittu tavoite on edellä.`,
    picksSeries: 'Jäsenen tavoite',
    picksMedian: 'Mediaani',
    picksCaption: 'Johtoryhmän jäsenten tavoitetasot',
    picksAlt: (count: number, people: number) =>
      `Pistekaavio ${count} näkökulmasta: ${people} johtoryhmän jäsenen tavoitetasot, lähtötaso ja tavoitteiden mediaani.`,
    goals: 'Tavoitteet',
    noGoals: 'Tavoitteita ei ole vielä kirjattu.',
    goalDetails: (parts: string[]) => parts.join(' · '),
    perspectiveOf: (label: string) => `Näkökulma: ${label}`,
    strategyOf: (text: string) => `Strategiatavoite: ${text}`,
    compassOf: (text: string) => `Digikompassi: ${text}`,
    actions: 'Toimenpiteet ja aikataulu',
    actionsText: (count: number) =>
      `${count} toimenpidettä on aikataulutettu vuosineljänneksittäin, ja jokaisella on vastuuhenkilö. Palkin väri ja muoto kertovat tilan.`,
    noActions: 'Toimenpiteitä ei ole vielä kirjattu.',
    action: 'Toimenpide',
    ownerHeader: 'Vastuu',
    period: 'Ajoitus',
    status: 'Tila',
    indicator: 'Mittari',
    timelineCaption: (goal: string) => `Aikataulu: ${goal}`,
    timelineAlt: (goal: string, count: number, span: string, statuses: string) =>
      `Aikajanakaavio tavoitteen "${goal}" ${count} toimenpiteestä vuosineljänneksittäin ${span}: ${statuses}.`,
    actionsTable: 'Toimenpiteet, vastuut ja mittarit',
    outsideRange: (span: string) => `Aikajana näyttää jakson ${span}; taulukossa ovat kaikki toimenpiteet.`,
    followUp: 'Seurantamalli',
    followUpText: (cadence: string) =>
      `Digitiekartan toteutumista seurataan ${cadence}. Jokainen toimenpiteen vastuuhenkilö kertoo Teamsissa toimenpiteen tilan ja mitä on tapahtunut, ja johtoryhmä saa yhteenvedon siitä, mikä liikkui.`,
    figuresActions: 'toimenpidettä',
    figuresDone: 'valmiina',
    figuresProgress: 'käynnissä',
    figuresLate: 'myöhässä',
    followUpList: (next: string | undefined, period: string) => [
      'Vastuuhenkilöt saavat seurantakysymyksen "Miten toimenpide etenee?" Teamsissa, ja vastaamatta jääneille lähetetään yksi muistutus.',
      'Johtoryhmän jäsenet saavat jakson päätyttyä yhteenvedon: mikä valmistui, mikä myöhästyi ja kuka ei vastannut.',
      next ? `Seuraava seuranta: ${period}, kysely lähtee ${next}.` : `Nykyinen seurantajakso: ${period}.`,
      'Henkilöstökysely uusitaan kierroksen lopulla, ja tuloksia verrataan lähtötasoon.',
    ],
    lastCheckIns: 'Viimeisimmät seurantavastaukset',
    checkInRow: (title: string, status: string, line: string, by: string, date: string) =>
      `${title}: ${status}${line ? ` – ${line}` : ''} (${by}, ${date})`,
  },
  sv: {
    kicker: (years: string) => `Digital färdplan ${years}`,
    subtitle: 'Mål, åtgärder och uppföljning',
    phase: (phase: string) => `Skede: ${phase}`,
    owner: (name: string) => `Ägare: ${name}`,
    prepared: (date: string) => `Utarbetad i Digiverkosto ${date}`,
    documentName: (name: string, years: string) => `${name} – digital färdplan ${years}`,
    filePrefix: 'digital-fardplan',
    vision: 'Vision',
    noVision: 'Ingen vision har skrivits in ännu.',
    visionText: (name: string) =>
      `Den digitala färdplanen omsätter målen för digitaliseringen i ${name} i konkreta åtgärder, tidtabeller och ansvar. Den bygger på utgångsläget i personalens digitaliseringsenkät och de målnivåer som ledningsgruppen kom överens om i sin verkstad.`,
    appendix: 'Bilaga: diagrammens siffror',
    appendixText: 'Diagrammens siffror i tabellform, till exempel för skärmläsare eller för att kopiera.',
    levels: 'Utgångsläge och målnivå',
    levelsText: (respondents: string | undefined, year: number) =>
      respondents
        ? `Ringen är utgångsläget i personalenkäten (${respondents} svarande) och punkten den målnivå för ${year} som ledningsgruppen kommit överens om, på skalan 1–5.`
        : `Ringen är utgångsläget och punkten den målnivå för ${year} som ledningsgruppen kommit överens om, på skalan 1–5.`,
    perspective: 'Perspektiv',
    baseline: 'Utgångsläge',
    target: (year: number) => `Mål ${year}`,
    change: 'Förändring',
    levelsCaption: 'Utgångsläge och målnivå per perspektiv',
    levelsTable: 'Utgångs- och målnivåer',
    levelsAlt: (count: number, biggest: string | undefined) =>
      `Pildiagram över ${count} perspektiv: utgångsläge och målnivå på skalan 1–5.${biggest ? ` Största eftersträvade ökning: ${biggest}.` : ''}`,
    noLevels: 'Inga utgångs- eller målnivåer har skrivits in ännu.',
    adjustments: 'Korrigerade utgångslägen',
    adjustment: (label: string, from: string, to: string, reason: string, by: string, date: string) =>
      `${label}: enkätens ${from} → ${to}. ${reason} (${by}, ${date})`,
    picks: 'Ledningsgruppens målnivåer',
    picksText: (count: number) =>
      `${count} medlemmar i ledningsgruppen satte sina egna mål i verkstaden. Strecket är medianen av medlemmarnas mål; det överenskomna målet finns ovan.`,
    picksSeries: 'Medlemmens mål',
    picksMedian: 'Median',
    picksCaption: 'Ledningsgruppens målnivåer',
    picksAlt: (count: number, people: number) =>
      `Punktdiagram över ${count} perspektiv: målnivåerna för ledningsgruppens ${people} medlemmar, utgångsläget och målens median.`,
    goals: 'Mål',
    noGoals: 'Inga mål har skrivits in ännu.',
    goalDetails: (parts: string[]) => parts.join(' · '),
    perspectiveOf: (label: string) => `Perspektiv: ${label}`,
    strategyOf: (text: string) => `Strategiskt mål: ${text}`,
    compassOf: (text: string) => `Digikompassen: ${text}`,
    actions: 'Åtgärder och tidtabell',
    actionsText: (count: number) =>
      `${count} åtgärder är tidsatta per kvartal, och var och en har en ansvarsperson. Stapelns färg och form anger status.`,
    noActions: 'Inga åtgärder har skrivits in ännu.',
    action: 'Åtgärd',
    ownerHeader: 'Ansvar',
    period: 'Tidpunkt',
    status: 'Status',
    indicator: 'Mätare',
    timelineCaption: (goal: string) => `Tidtabell: ${goal}`,
    timelineAlt: (goal: string, count: number, span: string, statuses: string) =>
      `Tidslinjediagram över målet "${goal}", ${count} åtgärder per kvartal ${span}: ${statuses}.`,
    actionsTable: 'Åtgärder, ansvar och mätare',
    outsideRange: (span: string) => `Tidslinjen visar perioden ${span}; tabellen har alla åtgärder.`,
    followUp: 'Uppföljningsmodell',
    followUpText: (cadence: string) =>
      `Hur färdplanen genomförs följs upp ${cadence}. Varje ansvarig anger i Teams åtgärdens status och vad som har hänt, och ledningsgruppen får en sammanfattning av vad som rörde sig.`,
    figuresActions: 'åtgärder',
    figuresDone: 'klara',
    figuresProgress: 'pågår',
    figuresLate: 'försenade',
    followUpList: (next: string | undefined, period: string) => [
      'De ansvariga får uppföljningsfrågan "Hur går åtgärden framåt?" i Teams, och den som inte svarat får en påminnelse.',
      'Ledningsgruppens medlemmar får efter perioden en sammanfattning: vad som blev klart, vad som blev försenat och vem som inte svarade.',
      next
        ? `Nästa uppföljning: ${period}, frågan skickas ${next}.`
        : `Nuvarande uppföljningsperiod: ${period}.`,
      'Personalenkäten upprepas i slutet av omgången, och resultaten jämförs med utgångsläget.',
    ],
    lastCheckIns: 'Senaste uppföljningssvar',
    checkInRow: (title: string, status: string, line: string, by: string, date: string) =>
      `${title}: ${status}${line ? ` – ${line}` : ''} (${by}, ${date})`,
  },
  en: {
    kicker: (years: string) => `Digital roadmap ${years}`,
    subtitle: 'Goals, actions and follow-up',
    phase: (phase: string) => `Phase: ${phase}`,
    owner: (name: string) => `Owner: ${name}`,
    prepared: (date: string) => `Prepared in Digiverkosto on ${date}`,
    documentName: (name: string, years: string) => `${name} – digital roadmap ${years}`,
    filePrefix: 'digital-roadmap',
    vision: 'Vision',
    noVision: 'No vision has been written down yet.',
    visionText: (name: string) =>
      `The digital roadmap turns the digitalisation goals of ${name} into concrete actions, schedules and responsibilities. It builds on the baseline of the staff digitalisation survey and the target levels the leadership team agreed in its workshop.`,
    appendix: "Appendix: the charts' figures",
    appendixText: "The charts' figures as tables, for screen readers or to copy.",
    levels: 'Baseline and target level',
    levelsText: (respondents: string | undefined, year: number) =>
      respondents
        ? `The ring is the staff survey's baseline (${respondents} respondents) and the dot the target level for ${year} that the leadership team agreed, on the scale 1–5.`
        : `The ring is the baseline and the dot the target level for ${year} that the leadership team agreed, on the scale 1–5.`,
    perspective: 'Perspective',
    baseline: 'Baseline',
    target: (year: number) => `Target ${year}`,
    change: 'Change',
    levelsCaption: 'Baseline and target level by perspective',
    levelsTable: 'Baseline and target levels',
    levelsAlt: (count: number, biggest: string | undefined) =>
      `Arrow chart of ${count} perspectives: baseline and target level on the scale 1–5.${biggest ? ` Largest intended rise: ${biggest}.` : ''}`,
    noLevels: 'No baselines or target levels have been recorded yet.',
    adjustments: 'Adjusted baselines',
    adjustment: (label: string, from: string, to: string, reason: string, by: string, date: string) =>
      `${label}: survey ${from} → ${to}. ${reason} (${by}, ${date})`,
    picks: "The leadership team's target levels",
    picksText: (count: number) =>
      `${count} leadership-team members set their own target in the workshop. The line is the median of their targets; the agreed target is above.`,
    picksSeries: "A member's target",
    picksMedian: 'Median',
    picksCaption: "Leadership-team members' target levels",
    picksAlt: (count: number, people: number) =>
      `Dot plot of ${count} perspectives: the target levels of ${people} leadership-team members, the baseline and the median of their targets.`,
    goals: 'Goals',
    noGoals: 'No goals have been recorded yet.',
    goalDetails: (parts: string[]) => parts.join(' · '),
    perspectiveOf: (label: string) => `Perspective: ${label}`,
    strategyOf: (text: string) => `Strategy goal: ${text}`,
    compassOf: (text: string) => `Digital compass: ${text}`,
    actions: 'Actions and schedule',
    actionsText: (count: number) =>
      `${count} actions are scheduled quarter by quarter, each with an owner. The colour and shape of a bar show its status.`,
    noActions: 'No actions have been recorded yet.',
    action: 'Action',
    ownerHeader: 'Owner',
    period: 'When',
    status: 'Status',
    indicator: 'Indicator',
    timelineCaption: (goal: string) => `Schedule: ${goal}`,
    timelineAlt: (goal: string, count: number, span: string, statuses: string) =>
      `Timeline of the goal "${goal}", ${count} actions by quarter ${span}: ${statuses}.`,
    actionsTable: 'Actions, owners and indicators',
    outsideRange: (span: string) => `The timeline shows ${span}; the table lists every action.`,
    followUp: 'Follow-up model',
    followUpText: (cadence: string) =>
      `The roadmap is followed up ${cadence}. Every action's owner reports its status and what has happened in Teams, and the leadership team gets a summary of what moved.`,
    figuresActions: 'actions',
    figuresDone: 'done',
    figuresProgress: 'in progress',
    figuresLate: 'late',
    followUpList: (next: string | undefined, period: string) => [
      'Owners get the question "How is the action going?" in Teams, and those who have not answered get one reminder.',
      "After each period the leadership team's members get a summary: what was finished, what fell behind and who did not answer.",
      next
        ? `Next follow-up: ${period}, the question goes out on ${next}.`
        : `Current follow-up period: ${period}.`,
      'The staff survey is repeated at the end of the round and compared with the baseline.',
    ],
    lastCheckIns: 'Latest check-ins',
    checkInRow: (title: string, status: string, line: string, by: string, date: string) =>
      `${title}: ${status}${line ? ` – ${line}` : ''} (${by}, ${date})`,
  },
} as const;

/** The summary's content: pure, so tests and the benchmark can build it without a server. */
export function buildRoadmapSummary(data: RoadmapData, context: SummaryContext): ReportDocument {
  const { language, now } = context;
  const t = TEXT[language];
  const m = roadmapMessagesFor(language);
  const roadmap = data.roadmap.value;
  const num = (value: number, decimals = 1): string => formatNumber(value, language, decimals);
  const current = quarterOf(now);
  const actions = data.actions.map((a) => a.value);
  const years = yearsOf(actions, roadmap.targetYear, current);
  const name = context.municipalityName;
  const branding = roadmap.branding;

  const content: DocumentBlock[] = [h1(t.vision)];
  // The charts' data tables (their text equivalents) go to an appendix, so the story reads on.
  const appendix: DocumentBlock[] = [];
  if (roadmap.vision.trim()) {
    const [lead = '', ...rest] = roadmap.vision.trim().split(/\n\s*\n/);
    content.push(p(lead, 'lead'));
    for (const paragraph of rest) content.push(p(paragraph));
  } else {
    content.push(p(t.noVision, 'lead'));
  }
  content.push(p(t.visionText(name)));

  // Baseline and target.
  content.push(h1(t.levels));
  const levels = data.perspectives.map((l) => l.value);
  const rows = levels.map((level) => ({
    label: pickText(level.label, language),
    group: m.scopes[level.scope],
    baseline: effectiveBaseline(level),
    target: level.target,
  }));
  if (rows.some((row) => row.baseline !== undefined || row.target !== undefined)) {
    content.push(
      p(
        t.levelsText(
          roadmap.baseline.respondents !== undefined ? num(roadmap.baseline.respondents, 0) : undefined,
          roadmap.targetYear,
        ),
      ),
    );
    const levelChart = baselineTargetChart({
      language,
      accent: branding.primaryColour,
      labelHeader: t.perspective,
      series: { baseline: t.baseline, target: t.target(roadmap.targetYear), change: t.change },
      scale: {
        min: 1,
        max: 5,
        endLabels:
          language === 'en'
            ? ['1 = poor', '5 = excellent']
            : language === 'sv'
              ? ['1 = svag', '5 = utmärkt']
              : ['1 = heikko', '5 = erinomainen'],
      },
      rows,
    });
    const biggest = rows
      .filter((row) => row.baseline !== undefined && row.target !== undefined)
      .map((row) => ({ row, rise: (row.target ?? 0) - (row.baseline ?? 0) }))
      .sort((a, b) => b.rise - a.rise)[0];
    content.push(
      chart(
        levelChart,
        t.levelsAlt(
          rows.length,
          biggest && biggest.rise > 0
            ? `${biggest.row.label} ${num(biggest.row.baseline ?? 0)} → ${num(biggest.row.target ?? 0)}`
            : undefined,
        ),
        t.levelsCaption,
      ),
    );
    appendix.push(chartTable(levelChart, t.levelsTable));
  } else {
    content.push(p(t.noLevels));
  }
  const adjusted = levels.filter((level) => level.adjusted);
  if (adjusted.length > 0) {
    content.push(
      callout(
        adjusted.map((level) =>
          t.adjustment(
            pickText(level.label, language),
            level.surveyMean === undefined ? '–' : num(level.surveyMean),
            num(level.adjusted?.value ?? 0),
            level.adjusted?.reason ?? '',
            personName(level.adjusted?.by, m),
            formatHelsinkiDate(new Date(level.adjusted?.at ?? now.toISOString())),
          ),
        ),
        { title: t.adjustments, tone: 'note' },
      ),
    );
  }

  // The leaders' picks.
  const session = roadmap.targetSetting.session;
  const picks = data.picks.map((k) => k.value).filter((k) => k.session === session);
  const picked = levels
    .map((level) => ({
      level,
      values: picks.map((k) => k.picks[level.perspectiveId]).filter((v): v is number => v !== undefined),
    }))
    .filter((entry) => entry.values.length > 0);
  if (picked.length > 0) {
    content.push(h2(t.picks));
    content.push(p(t.picksText(picks.length)));
    const dots = dotPlotChart({
      language,
      accent: branding.primaryColour,
      labelHeader: t.perspective,
      series: { baseline: t.baseline, picks: t.picksSeries, median: t.picksMedian },
      rows: picked.map(({ level, values }) => ({
        label: pickText(level.label, language),
        baseline: effectiveBaseline(level),
        picks: values,
        median: medianOf(values),
      })),
    });
    content.push(chart(dots, t.picksAlt(picked.length, picks.length), t.picksCaption));
    appendix.push(chartTable(dots, t.picksCaption));
  }

  // Goals.
  content.push(h1(t.goals));
  const goals = data.goals.map((g) => g.value);
  const labelOf = new Map(levels.map((level) => [level.perspectiveId, pickText(level.label, language)]));
  if (goals.length === 0) content.push(p(t.noGoals));
  else {
    content.push(
      numbered(
        goals.map((goal) => {
          const details = [
            goal.perspectiveId
              ? t.perspectiveOf(labelOf.get(goal.perspectiveId) ?? goal.perspectiveId)
              : undefined,
            goal.strategyGoal ? t.strategyOf(goal.strategyGoal) : undefined,
            goal.compassArea ? t.compassOf(m.compassAreas[goal.compassArea]) : undefined,
          ].filter((part): part is string => part !== undefined);
          return [
            bold(`${goal.title}. `),
            { text: goal.description ? `${goal.description} ` : '' },
            ...(details.length > 0 ? [{ text: t.goalDetails(details), italic: true }] : []),
          ];
        }),
      ),
    );
  }

  // Actions on the timeline.
  content.push(h1(t.actions));
  const shown = actions.filter((a) => a.status !== 'dropped');
  if (actions.length === 0) content.push(p(t.noActions));
  else {
    content.push(p(t.actionsText(actions.length)));
    const range = timelineRange(shown, current);
    const statusLabels = {
      planned: m.statuses.planned,
      inProgress: m.statuses.inProgress,
      done: m.statuses.done,
      delayed: m.statuses.late,
    };
    let clipped = false;
    for (const goal of goals) {
      const ofGoal = shown.filter((a) => a.goalId === goal.id);
      const inRange = ofGoal.filter(
        (a) =>
          quarterIndex(a.end) >= quarterIndex(range.from) && quarterIndex(a.start) <= quarterIndex(range.to),
      );
      if (inRange.length < ofGoal.length) clipped = true;
      if (inRange.length === 0) continue;
      content.push(h2(goal.title));
      for (let index = 0; index < inRange.length; index += ROWS_PER_TIMELINE) {
        const part = inRange.slice(index, index + ROWS_PER_TIMELINE);
        const timeline = timelineChart({
          language,
          accent: branding.primaryColour,
          labelHeader: t.action,
          ownerHeader: t.ownerHeader,
          periodHeader: t.period,
          statusHeader: t.status,
          from: range.from,
          to: range.to,
          current,
          statusLabels,
          rows: part.map((action) => timelineRow(action, current, m, ownerName)),
        });
        const counts = new Map<string, number>();
        for (const action of part) {
          const status = isLate(action, current) ? m.statuses.late : m.statuses[action.status];
          counts.set(status, (counts.get(status) ?? 0) + 1);
        }
        content.push(
          chart(
            timeline,
            t.timelineAlt(
              goal.title,
              part.length,
              quarterSpanText(range.from, range.to),
              [...counts].map(([status, count]) => `${count} ${status.toLowerCase()}`).join(', '),
            ),
            t.timelineCaption(goal.title),
          ),
        );
      }
    }
    const tableRows: TableCell[][] = [];
    for (const goal of goals) {
      for (const action of actions.filter((a) => a.goalId === goal.id)) {
        const late = isLate(action, current);
        tableRows.push([
          action.title,
          ownerName(action.owner, m),
          quarterSpanText(action.start, action.end),
          late && action.status !== 'late'
            ? {
                text: `${m.statuses[action.status]} (${m.statuses.late.toLowerCase()})`,
                shading: 'highlight',
              }
            : action.status === 'late'
              ? { text: m.statuses.late, shading: 'highlight' }
              : m.statuses[action.status],
          action.indicator || '–',
        ]);
      }
    }
    content.push({
      type: 'table',
      caption: t.actionsTable,
      columns: [
        { header: t.action, width: 2.9 },
        { header: t.ownerHeader, width: 2 },
        // Wide enough for "Q4/2026–Q2/2027" on one line.
        { header: t.period, width: 2 },
        { header: t.status, width: 1.4 },
        { header: t.indicator, width: 2.1 },
      ],
      rows: tableRows,
      ...(clipped ? { note: t.outsideRange(quarterSpanText(range.from, range.to)) } : {}),
    });
  }

  // Follow-up.
  content.push(h1(t.followUp));
  content.push(p(t.followUpText(m.cadence(roadmap.cadenceMonths))));
  const count = (status: ActionStatus): number => actions.filter((a) => a.status === status).length;
  const late = actions.filter((a) => isLate(a, current)).length;
  if (actions.length > 0) {
    content.push(
      keyFigures([
        { value: num(actions.length, 0), label: t.figuresActions },
        { value: num(count('done'), 0), label: t.figuresDone },
        { value: num(count('inProgress'), 0), label: t.figuresProgress },
        { value: num(late, 0), label: t.figuresLate },
      ]),
    );
  }
  const period = periodOf(context.nextCheckIn ?? now, roadmap.cadenceMonths);
  content.push(
    bullets(
      t.followUpList(
        context.nextCheckIn ? formatHelsinkiDateTime(context.nextCheckIn, language) : undefined,
        periodText(period),
      ),
    ),
  );
  const checkedIn = actions
    .filter((a) => a.lastCheckIn)
    .sort((a, b) => (b.lastCheckIn?.at ?? '').localeCompare(a.lastCheckIn?.at ?? ''))
    .slice(0, 8);
  if (checkedIn.length > 0) {
    content.push(h2(t.lastCheckIns));
    content.push(
      bullets(
        checkedIn.map((a) =>
          t.checkInRow(
            a.title,
            m.statuses[a.lastCheckIn?.status ?? a.status],
            a.lastCheckIn?.line ?? '',
            personName(a.lastCheckIn?.by, m),
            formatHelsinkiDate(new Date(a.lastCheckIn?.at ?? now.toISOString())),
          ),
        ),
      ),
    );
  }

  if (appendix.length > 0) content.push(h1(t.appendix), p(t.appendixText), ...appendix);

  const ownerLine = roadmap.owner ? [t.owner(ownerName(roadmap.owner, m))] : [];
  return {
    language,
    branding: {
      organisationName: name,
      primaryColour: branding.primaryColour,
      secondaryColour: branding.secondaryColour,
      ...(context.logo && branding.logo
        ? {
            logo: {
              format: 'png' as const,
              data: new Uint8Array(context.logo),
              altText: branding.logo.altText,
            },
          }
        : {}),
    },
    titlePage: {
      kicker: t.kicker(years),
      title: name,
      subtitle: t.subtitle,
      details: [t.phase(m.phases[roadmap.phase]), ...ownerLine, t.prepared(formatHelsinkiDate(now))],
    },
    documentName: t.documentName(name, years),
    date: now,
    author: name,
    subject: t.kicker(years),
    keywords: [m.roadmapName, name],
    blocks: content,
  };
}

/** Renders the summary, one at a time per process, and reuses it while the roadmap has not changed. */
export class RoadmapDocuments {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, { file: Promise<SummaryFile>; until: number }>();

  constructor(private readonly cacheMs = 5 * 60_000) {}

  render(data: RoadmapData, context: SummaryContext, format: 'pdf' | 'docx'): Promise<SummaryFile> {
    const key = `${versionOf(data)}|${context.language}|${format}|${quarterIndex(quarterOf(context.now))}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.file;
    const file = this.serialised(async () => {
      const document = buildRoadmapSummary(data, context);
      const bytes = format === 'pdf' ? await renderPdf(document) : await renderDocx(document);
      return {
        bytes,
        contentType: CONTENT_TYPES[format],
        filename: `${TEXT[context.language].filePrefix}-${slug(context.municipalityName)}-${formatHelsinkiDate(context.now).split('.').reverse().join('-')}.${format}`,
      };
    });
    this.cache.set(key, { file, until: Date.now() + this.cacheMs });
    file.catch(() => this.cache.delete(key));
    for (const [other, entry] of this.cache) if (entry.until <= Date.now()) this.cache.delete(other);
    return file;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** A digest of every row's ETag: any change anywhere in the roadmap makes a new document. */
function versionOf(data: RoadmapData): string {
  const hash = createHash('sha256').update(data.roadmap.etag);
  for (const rows of [data.perspectives, data.goals, data.actions, data.picks]) {
    for (const row of rows) hash.update(row.etag);
  }
  return hash.digest('base64url');
}

function yearsOf(actions: readonly RoadmapAction[], targetYear: number, current: Quarter): string {
  const years = [current.year, targetYear, ...actions.flatMap((a) => [a.start.year, a.end.year])];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

/** The quarters shown: the actions' whole span, or 16 quarters from a year before today when longer. */
function timelineRange(actions: readonly RoadmapAction[], current: Quarter): { from: Quarter; to: Quarter } {
  if (actions.length === 0) return { from: current, to: current };
  const first = Math.min(...actions.map((a) => quarterIndex(a.start)));
  const last = Math.max(...actions.map((a) => quarterIndex(a.end)));
  if (last - first < TIMELINE_QUARTERS) return { from: quarterAt(first), to: quarterAt(last) };
  const from = Math.min(Math.max(first, quarterIndex(current) - 4), last - TIMELINE_QUARTERS + 1);
  return { from: quarterAt(from), to: quarterAt(from + TIMELINE_QUARTERS - 1) };
}

function timelineRow(
  action: RoadmapAction,
  current: Quarter,
  m: ReturnType<typeof roadmapMessagesFor>,
  nameOf: typeof ownerName,
): TimelineRow {
  // Dropped actions never reach the timeline; an open action past its last quarter shows as late.
  const status: TimelineStatus = isLate(action, current)
    ? 'delayed'
    : action.status === 'done'
      ? 'done'
      : action.status === 'inProgress'
        ? 'inProgress'
        : 'planned';
  return {
    label: action.title,
    owner: nameOf(action.owner, m),
    // The kit cuts a bar at the window's edge and marks the cut.
    start: action.start,
    end: action.end,
    status,
  };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'kunta'
  );
}
