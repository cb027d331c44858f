// A part of the pane: a landmark named by its heading, so a screen reader lists it and jumps to it.
import { forwardRef, useId } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere' },
});

interface Props {
  heading: ReactNode;
  /** Something beside the heading (a count, a toggle). */
  aside?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** data-testid of the section. */
  testId?: string;
  /** Lets the heading take focus (to move the reader there after a check or a skip link). */
  headingRef?: React.Ref<HTMLHeadingElement>;
  headingTestId?: string;
  id?: string;
}

export const Section = forwardRef<HTMLElement, Props>(function Section({ heading, aside, children, className, testId, headingRef, headingTestId, id }, ref) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section ref={ref} id={id} className={mergeClasses(styles.section, className)} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className={styles.heading} ref={headingRef} tabIndex={headingRef ? -1 : undefined} data-testid={headingTestId}>
        {heading}
      </h2>
      {aside}
      {children}
    </section>
  );
});
