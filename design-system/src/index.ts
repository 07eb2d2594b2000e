// Public entry of @carpeta/design-system. Import the CSS once: `import '@carpeta/design-system/styles.css'`.
export { Alert } from './components/Alert/Alert.tsx';
export type { AlertProps, AlertVariant } from './components/Alert/Alert.tsx';
export { Button, ButtonGroup } from './components/Button/Button.tsx';
export type { ButtonGroupProps, ButtonProps, ButtonVariant } from './components/Button/Button.tsx';
export { Card } from './components/Card/Card.tsx';
export type { CardProps } from './components/Card/Card.tsx';
export { EmptyState } from './components/EmptyState/EmptyState.tsx';
export type { EmptyStateProps } from './components/EmptyState/EmptyState.tsx';
export { Footer } from './components/Footer/Footer.tsx';
export type { FooterLink, FooterProps } from './components/Footer/Footer.tsx';
export { Header } from './components/Header/Header.tsx';
export type { HeaderCobrand, HeaderProps } from './components/Header/Header.tsx';
export { Icon, iconNames } from './components/Icon/Icon.tsx';
export type { IconName, IconProps } from './components/Icon/Icon.tsx';
export { LanguageSelector } from './components/LanguageSelector/LanguageSelector.tsx';
export type { Language, LanguageSelectorProps } from './components/LanguageSelector/LanguageSelector.tsx';
export { Link } from './components/Link/Link.tsx';
export type { LinkProps } from './components/Link/Link.tsx';
export { ServiceNavigation } from './components/ServiceNavigation/ServiceNavigation.tsx';
export type {
  ServiceNavigationItem,
  ServiceNavigationProps,
} from './components/ServiceNavigation/ServiceNavigation.tsx';
export { Skeleton } from './components/Skeleton/Skeleton.tsx';
export type { SkeletonProps } from './components/Skeleton/Skeleton.tsx';
export { SkipLink } from './components/SkipLink/SkipLink.tsx';
export type { SkipLinkProps } from './components/SkipLink/SkipLink.tsx';
export { Spinner } from './components/Spinner/Spinner.tsx';
export type { SpinnerProps } from './components/Spinner/Spinner.tsx';
export { SummaryList } from './components/SummaryList/SummaryList.tsx';
export type { SummaryListProps, SummaryListRow } from './components/SummaryList/SummaryList.tsx';
export { StatusBadge, Tag } from './components/Tag/Tag.tsx';
export type { TagProps, TagTone } from './components/Tag/Tag.tsx';
export { VisuallyHidden } from './components/VisuallyHidden/VisuallyHidden.tsx';
export type { VisuallyHiddenProps } from './components/VisuallyHidden/VisuallyHidden.tsx';
export { cobrandStyle } from './utils/cobrand.ts';
export { cx } from './utils/cx.ts';
export type { HeadingLevel } from './utils/heading.tsx';
export { handleNavigate } from './utils/navigation.ts';
export type { NavigateHandler } from './utils/navigation.ts';
