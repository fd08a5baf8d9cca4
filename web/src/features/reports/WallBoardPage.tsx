import { Alert, Anchor, Box, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import classes from './WallBoardPage.module.css';
import { formatNumber, formatPct, milestoneLabel, periodLabel, targetGroupLabel } from './report-labels';
import { useWallBoard, type TargetProgress, type WallBoard } from './reports-queries';

const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/**
 * A unit's figures on the wall: full screen, large type and high contrast to be read from across the
 * room, asking the API again by itself (refreshSeconds) so nobody has to touch it.
 */
export default function WallBoardPage() {
  const { unitId = '' } = useParams();
  const board = useWallBoard(unitId);

  useEffect(() => {
    if (board.data) document.title = `Muurbord ${board.data.unit.name} · Matching`;
  }, [board.data]);

  if (board.isPending) return <PageLoader />;
  if (board.error && !board.data) {
    return (
      <Box p="xl">
        <Alert color="red" title="Het muurbord kon niet worden geladen">
          {describeError(board.error)}
        </Alert>
      </Box>
    );
  }
  return <Board board={board.data} stale={Boolean(board.error)} />;
}

function Board({ board, stale }: { board: WallBoard; stale: boolean }) {
  const threeAndSix = board.durability.milestones;
  return (
    <Box component="main" className={classes.board}>
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} className={classes.title}>
              {board.unit.name}
            </Title>
            <Text className={classes.meta}>
              Bijgewerkt om {TIME.format(new Date(board.generatedAt))}, ververst elke {board.refreshSeconds} seconden
              {stale && ' (laatste verversing mislukt; de cijfers kunnen verouderd zijn)'}
            </Text>
          </Stack>
          <Group gap="sm" className={classes.controls}>
            <Button
              variant="default"
              onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
            >
              Volledig scherm
            </Button>
            <Anchor component={Link} to="/rapportage/dashboard" className={classes.back}>
              Naar het dashboard
            </Anchor>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <TargetTile title="Dit kwartaal" progress={board.quarter} />
          <TargetTile title="Dit jaar" progress={board.year} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xl">
          <Tile title="Uitstroom dit kwartaal">
            <Figure value={formatNumber(board.quarterOutflow.full)} />
            <Text className={classes.detail}>
              uitkeringen gestopt, {formatNumber(board.quarterOutflow.partial)} verlaagd
            </Text>
          </Tile>
          <Tile title="SROI dit jaar">
            <Figure value={formatPct(board.yearPlacements.sroi.sroiPct)} />
            <Text className={classes.detail}>
              {formatNumber(board.yearPlacements.sroi.sroi)} van {formatNumber(board.yearPlacements.sroi.placements)};
              norm {board.sroiReference.minPct}–{board.sroiReference.maxPct}%
            </Text>
          </Tile>
          {threeAndSix.map((milestone) => (
            <Tile key={milestone.milestone} title={`Werkt na ${milestoneLabel(milestone.offset)}`}>
              <Figure value={formatPct(milestone.stillWorkingPct)} />
              <Text className={classes.detail}>
                {formatNumber(milestone.stillWorking)} van{' '}
                {formatNumber(milestone.stillWorking + milestone.stoppedWorking)}; doel{' '}
                {board.durability.reference.stillWorkingPct}%
              </Text>
            </Tile>
          ))}
        </SimpleGrid>
        <Tile title="Dit kwartaal per doelgroep">
          <table className={classes.groups}>
            <caption className={classes.hidden}>Plaatsingen dit kwartaal per doelgroep</caption>
            <thead>
              <tr>
                {board.quarterPlacements.byTargetGroup.map((group) => (
                  <th key={targetGroupLabel(group.targetGroup)} scope="col">
                    {targetGroupLabel(group.targetGroup)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {board.quarterPlacements.byTargetGroup.map((group) => (
                  <td key={targetGroupLabel(group.targetGroup)}>{formatNumber(group.placements)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </Tile>
      </Stack>
    </Box>
  );
}

function Tile({ title, children }: { title: string; children: ReactNode }) {
  const id = `tegel-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className={classes.tile} aria-labelledby={id}>
      <h2 id={id} className={classes.tileTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Figure({ value }: { value: string }) {
  return <p className={classes.figure}>{value}</p>;
}

function TargetTile({ title, progress }: { title: string; progress: TargetProgress }) {
  const pct = progress.progressPct ?? 0;
  return (
    <Tile title={`${title}: ${periodLabel(progress.period)}`}>
      <p className={classes.figure}>
        <span>{formatNumber(progress.counted)}</span>
        <span className={classes.of}>
          {progress.target == null ? ' geplaatst, geen doel' : ` van ${formatNumber(progress.target)}`}
        </span>
      </p>
      <Progress
        value={Math.min(pct, 100)}
        size={28}
        radius="md"
        color={progress.onTrack === false ? 'orange.9' : 'teal.9'}
        aria-label={`${title}: ${formatPct(progress.progressPct)} van het doel`}
        className={classes.progress}
      />
      <Text className={classes.detail}>
        {formatPct(progress.progressPct)} van het doel · prognose {formatNumber(progress.forecast)}
        {progress.onTrack != null && (progress.onTrack ? ' · op koers' : ' · achter op schema')}
      </Text>
    </Tile>
  );
}
